// Schema errors that teach: zod's issues for scenario and world files rewritten to say what is
// allowed at that place (the fields of an object, the forms of a union, the values of an enum).
import { z } from 'zod';

type Issue = Parameters<z.core.$ZodErrorMap>[0];
type AnySchema = z.core.$ZodType;

const MAX_LISTED = 60;

const describedAs = (schema: unknown): string | undefined => {
  if (!schema || typeof schema !== 'object' || !('_zod' in schema)) return undefined;
  return z.globalRegistry.get(schema as AnySchema)?.description;
};

const defOf = (schema: unknown): Record<string, unknown> =>
  (schema as { _zod?: { def?: Record<string, unknown> } })?._zod?.def ?? {};

/** The fields an object schema allows (unwrapping optional, lazy, pipe, default and intersections). */
export function fieldsOf(schema: unknown): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.keys((def.shape as Record<string, unknown>) ?? {});
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
      return fieldsOf(def.innerType);
    case 'pipe':
      return fieldsOf(def.in);
    case 'lazy':
      return fieldsOf((def.getter as () => unknown)());
    case 'intersection':
      return [...fieldsOf(def.left), ...fieldsOf(def.right)];
    default:
      return [];
  }
}

/** A short picture of the values a schema takes: `{ out }`, `text`, `open | closed`, `8h or ms`. */
export function formOf(schema: unknown, depth = 0): string {
  const described = describedAs(schema);
  if (described && depth > 0) return described;
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'null';
    case 'literal':
      return (def.values as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>).join(' | ');
    case 'array':
      return `a list of ${formOf(def.element, depth + 1)}`;
    case 'record':
      return 'a map of names to values';
    case 'object': {
      const shape = (def.shape as Record<string, unknown>) ?? {};
      const keys = Object.entries(shape).map(([key, field]) =>
        defOf(field).type === 'optional' || defOf(field).type === 'default' ? `${key}?` : key,
      );
      return `{ ${keys.join(', ')} }`;
    }
    case 'union':
      return (def.options as unknown[]).map((o) => formOf(o, depth + 1)).join(' or ');
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return formOf(def.innerType, depth);
    case 'pipe':
      return formOf(def.in, depth);
    case 'lazy':
      return depth > 3 ? '…' : formOf((def.getter as () => unknown)(), depth);
    case 'intersection':
      return `${formOf(def.left, depth)} with ${formOf(def.right, depth)}`;
    case 'unknown':
    case 'any':
      return 'any value';
    default:
      return String(def.type ?? 'a value');
  }
}

const typeName = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `text ${JSON.stringify(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
};

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j] ?? 0;
      row[j] = Math.min(
        (row[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = saved;
    }
  }
  return row[b.length] ?? 0;
}

/** The closest known name to `name`, if it is close enough to be a typo. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

export const listed = (names: readonly string[]): string =>
  names.length > MAX_LISTED
    ? `${names.slice(0, MAX_LISTED).join(', ')}, … (${names.length} in all)`
    : names.join(', ');

function unrecognized(issue: Extract<Issue, { code: 'unrecognized_keys' }>): string {
  const allowed = fieldsOf(issue.inst);
  const keys = issue.keys.map((k) => `"${k}"`).join(', ');
  if (allowed.length === 1) {
    return `{ ${allowed[0]}: … } is a shorthand that takes no other field (found ${keys})`;
  }
  const hints = issue.keys
    .map((key) => [key, closest(key, allowed)] as const)
    .filter(([, guess]) => guess)
    .map(([key, guess]) => `"${key}" → did you mean "${guess}"?`);
  return `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}${hints.length ? ` (${hints.join('; ')})` : ''}; allowed here: ${listed(allowed)}`;
}

/** How far an input is from a union option: fewer, deeper issues is closer. */
function score(issues: readonly z.core.$ZodIssue[]): number {
  return issues.reduce(
    (sum, i) => sum + (i.path.length === 0 && i.code === 'invalid_type' ? 100 : 1),
    0,
  );
}

function union(issue: Extract<Issue, { code: 'invalid_union' }>): string | undefined {
  if (issue.errors.length === 0) return undefined;
  const options = (defOf(issue.inst).options as unknown[]) ?? [];
  const forms = describedAs(issue.inst) ?? options.map((o) => formOf(o, 1)).join(', or ');
  const ranked = issue.errors
    .map((errors, index) => ({ errors, index, score: score(errors) }))
    .sort((a, b) => a.score - b.score);
  const bestScore = ranked[0]?.score ?? 100;
  const nearest = ranked.filter((r) => r.score === bestScore).slice(0, 2);
  const near =
    bestScore < 100
      ? nearest
          .map((r) =>
            r.errors
              .map((e) => (e.path.length ? `${e.path.join('.')}: ${e.message}` : e.message))
              .join('; '),
          )
          .join(' | or | ')
      : undefined;
  return `expected ${forms}; found ${typeName(issue.input)}${near ? ` — nearest: ${near}` : ''}`;
}

/** The error map for data files: every message says what is allowed where the mistake is. */
export const teachingErrors: z.core.$ZodErrorMap = (issue) => {
  const described = describedAs(issue.inst);
  const about = described ? ` (${described})` : '';
  switch (issue.code) {
    case 'unrecognized_keys':
      return unrecognized(issue);
    case 'invalid_union':
      return union(issue);
    case 'invalid_type':
      if (issue.input === undefined)
        return `missing; required here: ${formOf(issue.inst, 0)}${about}`;
      return `expected ${formOf(issue.inst, 0)}${about}, found ${typeName(issue.input)}`;
    case 'invalid_value':
      return `expected one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${about}; found ${typeName(issue.input)}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}${about}`
        : issue.origin === 'string'
          ? `needs at least ${issue.minimum} character${issue.minimum === 1 ? '' : 's'}${about}`
          : `must be at least ${issue.minimum}${about}; found ${typeName(issue.input)}`;
    case 'too_big':
      return `must be at most ${issue.maximum}${issue.origin === 'string' ? ' characters' : ''}${about}; found ${typeName(issue.input)}`;
    default:
      return undefined;
  }
};
