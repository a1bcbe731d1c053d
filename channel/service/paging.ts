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
 * by `view`, so a page of 50 costs 50 views however long the list; and only the page is sorted:
 * the newest `limit + 1` items are kept in a heap (oldest on top) as the list goes by.
 */
export function paginate<T, V>(
  items: Iterable<T>,
  keyOf: (item: T) => PageKey,
  request: PageRequest,
  view: (item: T) => V,
): Page<V> {
  const limit = Math.min(request.limit ?? PAGE_LIMIT.default, PAGE_LIMIT.max);
  const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor);
  const kept = new NewestHeap<T>(limit + 1);
  let count = 0;
  for (const item of items) {
    const key = keyOf(item);
    if (after && newerFirst(after, key) >= 0) continue;
    count += 1;
    kept.offer({ item, key });
  }
  const page = kept.sorted().slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((entry) => view(entry.item)),
    next: count > limit && last ? encodeCursor(last.key) : null,
  };
}

/**
 * The first page of `newestFirst`, items already filtered, after the cursor and in page order:
 * it reads `limit + 1` of them and stops.
 */
export function firstPage<T, V>(
  newestFirst: Iterable<T>,
  keyOf: (item: T) => PageKey,
  limit: number | undefined,
  view: (item: T) => V,
): Page<V> {
  const size = Math.min(limit ?? PAGE_LIMIT.default, PAGE_LIMIT.max);
  const page: T[] = [];
  let more = false;
  for (const item of newestFirst) {
    if (page.length === size) {
      more = true;
      break;
    }
    page.push(item);
  }
  const last = page[page.length - 1];
  return {
    items: page.map(view),
    next: more && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

interface Keyed<T> {
  item: T;
  key: PageKey;
}

/** The `size` newest entries seen: a binary heap with the oldest of them at the root. */
class NewestHeap<T> {
  readonly #size: number;
  readonly #heap: Keyed<T>[] = [];

  constructor(size: number) {
    this.#size = size;
  }

  /** > 0 when `a` is older than `b` (sorts after it, newest first). */
  #older(a: Keyed<T>, b: Keyed<T>): boolean {
    return newerFirst(a.key, b.key) > 0;
  }

  offer(entry: Keyed<T>): void {
    const heap = this.#heap;
    if (heap.length < this.#size) {
      heap.push(entry);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.#older(heap[i] as Keyed<T>, heap[parent] as Keyed<T>)) break;
        [heap[i], heap[parent]] = [heap[parent] as Keyed<T>, heap[i] as Keyed<T>];
        i = parent;
      }
      return;
    }
    if (heap.length === 0 || !this.#older(heap[0] as Keyed<T>, entry)) return;
    heap[0] = entry;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let oldest = i;
      if (left < heap.length && this.#older(heap[left] as Keyed<T>, heap[oldest] as Keyed<T>))
        oldest = left;
      if (right < heap.length && this.#older(heap[right] as Keyed<T>, heap[oldest] as Keyed<T>))
        oldest = right;
      if (oldest === i) return;
      [heap[i], heap[oldest]] = [heap[oldest] as Keyed<T>, heap[i] as Keyed<T>];
      i = oldest;
    }
  }

  /** The entries kept, newest first. */
  sorted(): Keyed<T>[] {
    return [...this.#heap].sort((a, b) => newerFirst(a.key, b.key));
  }
}
