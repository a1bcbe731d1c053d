// Pages of a list that grows without bound: newest first, at most `limit` items, and an opaque
// cursor for the next page that stays right while new items arrive (they sort before it).
import { ChannelError } from '../domain/errors';

export const PAGE_LIMIT = { default: 50, max: 500 } as const;

export interface PageRequest {
  /** `next` of the previous page, unchanged. */
  cursor?: string | undefined;
  /** 1 to 500; default 50. */
  limit?: number | undefined;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  next: string | null;
}

/** Where an item sorts: its time, then a tie-breaker; larger is newer. */
export type PageKey = readonly [number, string];

const newerFirst = (a: PageKey, b: PageKey): number =>
  b[0] - a[0] || (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0);

export function encodeCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function invalidCursor(): ChannelError {
  return new ChannelError('VALIDATION_FAILED', {
    field: 'cursor',
    message:
      'cursor (in the query): not a cursor this list gave out; pass `next` from the previous page unchanged.',
  });
}

export function decodeCursor(cursor: string): PageKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (
    !Array.isArray(key) ||
    key.length !== 2 ||
    typeof key[0] !== 'number' ||
    !Number.isFinite(key[0]) ||
    typeof key[1] !== 'string'
  )
    throw invalidCursor();
  return [key[0], key[1]];
}

/**
 * The page of `items` (already filtered) after the cursor, newest first. Only the page is mapped
 * by `view`, so a page of 50 costs 50 views however long the list.
 */
export function paginate<T, V>(
  items: Iterable<T>,
  keyOf: (item: T) => PageKey,
  request: PageRequest,
  view: (item: T) => V,
): Page<V> {
  const limit = Math.min(request.limit ?? PAGE_LIMIT.default, PAGE_LIMIT.max);
  const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor);
  const keyed: Array<{ item: T; key: PageKey }> = [];
  for (const item of items) {
    const key = keyOf(item);
    if (!after || newerFirst(after, key) < 0) keyed.push({ item, key });
  }
  keyed.sort((a, b) => newerFirst(a.key, b.key));
  const page = keyed.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((entry) => view(entry.item)),
    next: keyed.length > limit && last ? encodeCursor(last.key) : null,
  };
}
