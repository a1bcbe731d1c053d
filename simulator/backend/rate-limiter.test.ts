import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter';

describe('rate limiter', () => {
  it('lets perSecond requests through, then refuses until time passes', () => {
    let now = 0;
    const limiter = createRateLimiter(() => now);
    const results = [1, 2, 3].map(() => limiter.take('C', 2));
    expect(results).toEqual([true, true, false]);
    now += 500;
    expect(limiter.take('C', 2)).toBe(true);
  });

  it('never limits an account without a limit', () => {
    const limiter = createRateLimiter(() => 0);
    expect(Array.from({ length: 100 }, () => limiter.take('C', null)).every(Boolean)).toBe(true);
  });
});
