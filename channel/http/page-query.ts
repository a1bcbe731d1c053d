// Query parameters of paged, filtered lists: `cursor`, `limit` (1–500, default 50) and times
// (`since`, `until`) as ms since the epoch or ISO 8601; a bad one is a 400 naming it.
import { z } from 'zod';
import { PAGE_LIMIT } from '../service/paging';

const LIMIT_RULE = `a whole number from 1 to ${PAGE_LIMIT.max} (default ${PAGE_LIMIT.default})`;

/** `1767603600000` or `2026-01-05T09:00:00Z` → ms since the epoch; null when neither. */
export function parseTime(value: string): number | null {
  if (/^[0-9]{1,15}$/.test(value)) return Number(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value))
    return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

const time = (description: string) =>
  z
    .string()
    .refine(
      (value) => parseTime(value) !== null,
      'a time: ms since the epoch (1767603600000) or ISO 8601 with a zone (2026-01-05T09:00:00Z)',
    )
    .transform((value) => parseTime(value) ?? 0)
    .optional()
    .describe(description);

export const pageQuery = {
  cursor: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('`next` from the previous page, unchanged; without it, the newest page.'),
  limit: z
    .string()
    .regex(/^[0-9]{1,4}$/, LIMIT_RULE)
    .transform(Number)
    .pipe(z.number().int().min(1, LIMIT_RULE).max(PAGE_LIMIT.max, LIMIT_RULE))
    .optional()
    .describe(`At most this many items: ${LIMIT_RULE}.`),
};

export const sinceUntil = (what: string) => ({
  since: time(`Only those ${what} at or after this time (ms since the epoch, or ISO 8601).`),
  until: time(`Only those ${what} before this time (ms since the epoch, or ISO 8601).`),
});
