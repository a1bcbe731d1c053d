// Partial matching of what a scenario expects against what a server answered, with the first difference.
import { isMatcher, satisfies } from './matchers';

/** The path and values of the first difference, or null when `found` satisfies `expected`. */
export function firstDifference(
  expected: unknown,
  found: unknown,
  path = '',
): { path: string; expected: unknown; found: unknown } | null {
  if (Array.isArray(expected)) {
    if (!Array.isArray(found)) return { path, expected, found };
    if (expected.length !== found.length) {
      return { path: `${path}.length`, expected: expected.length, found: found.length };
    }
    for (let i = 0; i < expected.length; i++) {
      const diff = firstDifference(expected[i], found[i], `${path}[${i}]`);
      if (diff) return diff;
    }
    return null;
  }
  if (isMatcher(expected)) {
    return satisfies(expected, found, (e, f) => firstDifference(e, f) === null)
      ? null
      : { path, expected, found: found ?? null };
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof found !== 'object' || found === null || Array.isArray(found))
      return { path, expected, found };
    for (const [key, value] of Object.entries(expected)) {
      const diff = firstDifference(
        value,
        (found as Record<string, unknown>)[key],
        path ? `${path}.${key}` : key,
      );
      if (diff) return diff;
    }
    return null;
  }
  if (expected === null)
    return found === null || found === undefined ? null : { path, expected, found };
  return Object.is(expected, found) ? null : { path, expected, found: found ?? null };
}

/** Keeps only the keys of `found` that `expected` mentions, so reports show like with like. */
export function pick(expected: unknown, found: unknown): unknown {
  if (Array.isArray(expected) && Array.isArray(found)) {
    return found.map((item, i) => pick(expected[Math.min(i, expected.length - 1)], item));
  }
  if (comparedByKeys(expected, found)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(expected)) {
      out[key] = pick(
        (expected as Record<string, unknown>)[key],
        (found as Record<string, unknown>)[key],
      );
    }
    return out;
  }
  return found === undefined ? null : found;
}

/** Both sides are plain objects and the expectation is not a matcher: compare key by key. */
function comparedByKeys(expected: unknown, found: unknown): expected is Record<string, unknown> {
  return (
    typeof expected === 'object' &&
    expected !== null &&
    !Array.isArray(expected) &&
    !isMatcher(expected) &&
    typeof found === 'object' &&
    found !== null &&
    !Array.isArray(found)
  );
}

/** Every difference between `expected` and `found` (not just the first), for readable replay diffs. */
export function allDifferences(
  expected: unknown,
  found: unknown,
  path = '',
): Array<{ path: string; expected: unknown; found: unknown }> {
  if (Array.isArray(expected) && Array.isArray(found)) {
    const out: Array<{ path: string; expected: unknown; found: unknown }> = [];
    const length = Math.max(expected.length, found.length);
    for (let i = 0; i < length; i++) {
      if (i >= expected.length)
        out.push({ path: `${path}[${i}]`, expected: '(nothing)', found: found[i] });
      else if (i >= found.length)
        out.push({ path: `${path}[${i}]`, expected: expected[i], found: '(nothing)' });
      else out.push(...allDifferences(expected[i], found[i], `${path}[${i}]`));
    }
    return out;
  }
  if (comparedByKeys(expected, found)) {
    return Object.entries(expected).flatMap(([key, value]) =>
      allDifferences(value, (found as Record<string, unknown>)[key], path ? `${path}.${key}` : key),
    );
  }
  const diff = firstDifference(expected, found, path);
  return diff ? [diff] : [];
}
