// Value matchers an expectation may write instead of a plain value: { contains }, { excludes },
// { not }, { atLeast }, { atMost }, { between }, { exists }, { pattern }, { length }. An object whose
// keys are all matcher names is a matcher; several keys must all hold.
import { z } from 'zod';
import { durationSchema } from '../duration';

export const MATCHER_KEYS = [
  'contains',
  'excludes',
  'not',
  'atLeast',
  'atMost',
  'between',
  'exists',
  'pattern',
  'length',
] as const;
type MatcherKey = (typeof MATCHER_KEYS)[number];
const KEYS = new Set<string>(MATCHER_KEYS);

/** Bounds are numbers, or durations (`8h`) for times and durations. */
const bound = durationSchema;

export type MatcherSpec = Partial<Record<MatcherKey, unknown>>;

export const matcherSchema: z.ZodType<MatcherSpec> = z.lazy(() =>
  z
    .strictObject({
      contains: z.string().min(1).optional().describe('A string that contains this text.'),
      excludes: z
        .string()
        .min(1)
        .optional()
        .describe('Any value whose JSON does not contain this text (secrets).'),
      not: z.unknown().optional().describe('Anything that does not match this value or matcher.'),
      atLeast: bound.optional().describe('A number (or time) at least this.'),
      atMost: bound.optional().describe('A number (or time) at most this.'),
      between: z
        .tuple([bound, bound])
        .optional()
        .describe('A number (or time) within [low, high], both included.'),
      exists: z.boolean().optional().describe('true: present and not null; false: absent or null.'),
      /** A string this regular expression matches (JavaScript syntax, unanchored). */
      pattern: z
        .string()
        .min(1)
        .refine((p) => validRegExp(p), 'pattern: not a valid regular expression')
        .optional(),
      length: z
        .union([z.number().int().nonnegative(), matcherSchema])
        .optional()
        .describe('A text (in characters) or list of this length, or a length matcher.'),
    })
    .refine((m) => Object.values(m).some((v) => v !== undefined), {
      message: `a matcher needs one of: ${MATCHER_KEYS.join(', ')}`,
    })
    .describe(`a matcher: { ${MATCHER_KEYS.join(' | ')} }`),
);

const validRegExp = (pattern: string): boolean => {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
};

/** `schema`, or a matcher in its place. */
export const orMatcher = <S extends z.ZodType>(schema: S) => z.union([schema, matcherSchema]);

/** Is `value` (from an expectation) a matcher rather than a value to compare? */
export function isMatcher(value: unknown): value is MatcherSpec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => KEYS.has(k));
}

/** Does `found` satisfy matcher `m`? `same` compares a nested value (for `not` and `length`). */
export function satisfies(
  m: MatcherSpec,
  found: unknown,
  same: (expected: unknown, found: unknown) => boolean,
): boolean {
  const number = typeof found === 'number' ? found : undefined;
  for (const [key, want] of Object.entries(m)) {
    if (want === undefined) continue;
    const ok = ((): boolean => {
      switch (key as MatcherKey) {
        case 'contains':
          return typeof found === 'string' && found.includes(String(want));
        case 'excludes':
          return !JSON.stringify(found ?? null).includes(String(want));
        case 'not':
          return !same(want, found);
        case 'atLeast':
          return number !== undefined && number >= Number(want);
        case 'atMost':
          return number !== undefined && number <= Number(want);
        case 'between': {
          const [low, high] = want as [number, number];
          return number !== undefined && number >= low && number <= high;
        }
        case 'exists':
          return (found !== undefined && found !== null) === want;
        case 'pattern':
          return typeof found === 'string' && new RegExp(String(want)).test(found);
        case 'length': {
          const length =
            typeof found === 'string'
              ? [...found].length
              : Array.isArray(found)
                ? found.length
                : undefined;
          return length !== undefined && same(want, length);
        }
        default:
          return false;
      }
    })();
    if (!ok) return false;
  }
  return true;
}
