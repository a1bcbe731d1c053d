import { describe, expect, it } from 'vitest';
import { teleSignTimestamp } from './timestamp';

describe('teleSignTimestamp', () => {
  it('writes six fractional digits, as TeleSign does', () => {
    expect(teleSignTimestamp(Date.UTC(2016, 9, 21, 14, 5, 36, 181))).toBe(
      '2016-10-21T14:05:36.181000Z',
    );
  });

  it('reads back as the same instant', () => {
    const t = Date.UTC(2026, 10, 30, 16, 0, 0, 7);
    expect(Date.parse(teleSignTimestamp(t))).toBe(t);
  });

  it('formats each millisecond anew, after repeating the same one', () => {
    const t = Date.UTC(2026, 10, 30, 16, 0, 0, 7);
    expect(teleSignTimestamp(t)).toBe('2026-11-30T16:00:00.007000Z');
    expect(teleSignTimestamp(t)).toBe('2026-11-30T16:00:00.007000Z');
    expect(teleSignTimestamp(t + 1)).toBe('2026-11-30T16:00:00.008000Z');
    expect(teleSignTimestamp(t - 86_400_000)).toBe('2026-11-29T16:00:00.007000Z');
  });
});
