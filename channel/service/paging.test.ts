import { describe, expect, it } from 'vitest';
import { ChannelError } from '../domain/errors';
import { decodeCursor, encodeCursor, type PageKey, paginate } from './paging';

const items = Array.from({ length: 7 }, (_, i) => ({ id: `x${i}`, at: Math.floor(i / 2) }));
const keyOf = (item: { id: string; at: number }): PageKey => [item.at, item.id];
const ids = (list: Array<{ id: string }>) => list.map((i) => i.id);

describe('paginate', () => {
  it('lists newest first, ties broken by id, at most limit items with a cursor to the rest', () => {
    const first = paginate(items, keyOf, { limit: 3 }, (i) => i);
    expect(ids(first.items)).toEqual(['x6', 'x5', 'x4']);
    expect(first.next).not.toBeNull();
    const second = paginate(items, keyOf, { limit: 3, cursor: first.next ?? '' }, (i) => i);
    expect(ids(second.items)).toEqual(['x3', 'x2', 'x1']);
    const third = paginate(items, keyOf, { limit: 3, cursor: second.next ?? '' }, (i) => i);
    expect(ids(third.items)).toEqual(['x0']);
    expect(third.next).toBeNull();
  });

  it('keeps the next page right when newer items arrive meanwhile', () => {
    const first = paginate(items, keyOf, { limit: 4 }, (i) => i);
    const grown = [...items, { id: 'x7', at: 9 }, { id: 'x8', at: 9 }];
    const second = paginate(grown, keyOf, { limit: 4, cursor: first.next ?? '' }, (i) => i);
    expect(ids(second.items)).toEqual(['x2', 'x1', 'x0']);
  });

  it('walks 1 000 items in any order, many in the same ms, exactly as a full sort orders them', () => {
    // A fixed shuffle (a linear congruential sequence): no two runs differ.
    let seed = 7;
    const shuffled = Array.from({ length: 1000 }, (_, i) => ({ id: `z${i}`, at: i % 37 }));
    for (let i = shuffled.length - 1; i > 0; i--) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const j = seed % (i + 1);
      [shuffled[i], shuffled[j]] = [
        shuffled[j] as (typeof shuffled)[0],
        shuffled[i] as (typeof shuffled)[0],
      ];
    }
    const walked: string[] = [];
    let cursor: string | undefined;
    do {
      const page = paginate(shuffled, keyOf, { limit: 33, cursor }, (i) => i);
      walked.push(...ids(page.items));
      cursor = page.next ?? undefined;
    } while (cursor && walked.length <= 2000); // a cursor that never advances fails, not hangs
    const sorted = [...shuffled].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
    expect(walked).toEqual(ids(sorted));
  });

  it('answers the last page with next null when the rest fits exactly', () => {
    expect(paginate(items, keyOf, { limit: 7 }, (i) => i).next).toBeNull();
  });

  it('defaults to 50 items and never gives more than 500', () => {
    const many = Array.from({ length: 600 }, (_, i) => ({ id: `y${i}`, at: i }));
    expect(paginate(many, keyOf, {}, (i) => i).items).toHaveLength(50);
    expect(paginate(many, keyOf, { limit: 10_000 }, (i) => i).items).toHaveLength(500);
  });

  it('views only the items of the page', () => {
    let viewed = 0;
    paginate(items, keyOf, { limit: 2 }, (i) => {
      viewed += 1;
      return i;
    });
    expect(viewed).toBe(2);
  });

  it('refuses a cursor it did not give out, naming the cursor field', () => {
    for (const bad of ['nope', encodeCursor([1, 'a']).slice(0, 4), 'WzEsMl0', '']) {
      const error = (() => {
        try {
          decodeCursor(bad);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error, bad).toBeInstanceOf(ChannelError);
      expect((error as ChannelError).field).toBe('cursor');
    }
    expect(decodeCursor(encodeCursor([5, 'cv_1']))).toEqual([5, 'cv_1']);
  });
});
