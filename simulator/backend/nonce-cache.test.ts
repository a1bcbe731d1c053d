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

  it('still refuses a recent nonce after a sweep that met one re-used later', () => {
    let now = 0;
    const cache = createNonceCache(() => now, 1000);
    cache.remember('C', 'old');
    now = 600;
    cache.remember('C', 'recent');
    now = 1000;
    expect(cache.remember('C', 'old')).toBe(true);
    now = 1500; // sweeps: 'recent' is inside its window until 1600, 'old' until 2000
    expect(cache.remember('C', 'recent')).toBe(false);
    expect(cache.remember('C', 'old')).toBe(false);
  });

  it('forgets expired nonces at the sweep, also behind one that was re-used', () => {
    let now = 0;
    const cache = createNonceCache(() => now, 1000);
    cache.remember('C', 'old');
    now = 600;
    cache.remember('C', 'recent');
    now = 1000;
    cache.remember('C', 'old');
    now = 1700; // 'recent' expired at 1600, 'old' lives until 2000
    cache.remember('C', 'new');
    expect(cache.size()).toBe(2);
  });
});
