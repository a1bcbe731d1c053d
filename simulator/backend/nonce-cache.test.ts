import { describe, expect, it } from 'vitest';
import { createNonceCache } from './nonce-cache';

describe('nonce cache', () => {
  it('refuses a nonce seen within the window', () => {
    const cache = createNonceCache(() => 0, 1000);
    expect(cache.remember('C', 'n')).toBe(true);
    expect(cache.remember('C', 'n')).toBe(false);
  });

  it('accepts the nonce again once the window has passed', () => {
    let now = 0;
    const cache = createNonceCache(() => now, 1000);
    cache.remember('C', 'n');
    now = 1000;
    expect(cache.remember('C', 'n')).toBe(true);
  });

  it('keeps nonces of different customers apart', () => {
    const cache = createNonceCache(() => 0, 1000);
    cache.remember('A', 'n');
    expect(cache.remember('B', 'n')).toBe(true);
  });
});
