import { describe, expect, it } from 'vitest';
import { firstDifference } from './match';
import { isMatcher } from './matchers';

const holds = (expected: unknown, found: unknown) => firstDifference(expected, found) === null;

describe('value matchers (each can fail)', () => {
  it('not: anything but the value', () => {
    expect(holds({ not: 'closed' }, 'open')).toBe(true);
    expect(holds({ not: 'closed' }, 'closed')).toBe(false);
    expect(holds({ not: { atLeast: 3 } }, 2)).toBe(true);
  });

  it('atLeast, atMost and between, bounds included', () => {
    expect(holds({ atLeast: 2 }, 2)).toBe(true);
    expect(holds({ atLeast: 2 }, 1)).toBe(false);
    expect(holds({ atMost: 2 }, 3)).toBe(false);
    expect(holds({ between: [1, 3] }, 3)).toBe(true);
    expect(holds({ between: [1, 3] }, 4)).toBe(false);
    expect(holds({ atLeast: 1, atMost: 3 }, 0)).toBe(false);
    expect(holds({ atLeast: 1 }, '5')).toBe(false);
  });

  it('exists: present and not null, or absent', () => {
    expect(holds({ referenceId: { exists: true } }, { referenceId: 'A1' })).toBe(true);
    expect(holds({ referenceId: { exists: true } }, { referenceId: null })).toBe(false);
    expect(holds({ referenceId: { exists: false } }, {})).toBe(true);
    expect(holds({ referenceId: { exists: false } }, { referenceId: 'A1' })).toBe(false);
  });

  it('pattern: a regular expression the text matches', () => {
    expect(holds({ pattern: '^[0-9A-F]{32}$' }, '0123456789ABCDEF0123456789ABCDEF')).toBe(true);
    expect(holds({ pattern: '^[0-9A-F]{32}$' }, 'short')).toBe(false);
    expect(holds({ pattern: '.' }, 42)).toBe(false);
  });

  it('length: of a text in characters (an emoji is one) or of a list, also with a matcher', () => {
    expect(holds({ length: 2 }, '😀😀')).toBe(true);
    expect(holds({ length: 3 }, [1, 2])).toBe(false);
    expect(holds({ length: { atLeast: 2 } }, [1, 2, 3])).toBe(true);
    expect(holds({ length: 1 }, 7)).toBe(false);
  });

  it('reports the matcher and what was found at the path of the difference', () => {
    expect(firstDifference({ a: { atMost: 1 } }, { a: 2 })).toEqual({
      path: 'a',
      expected: { atMost: 1 },
      found: 2,
    });
  });

  it('treats an object with any other key as a value to compare, not a matcher', () => {
    expect(isMatcher({ not: 1, state: 'open' })).toBe(false);
    expect(isMatcher({})).toBe(false);
  });
});
