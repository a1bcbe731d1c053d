// Remembers TSA nonces for the tolerance window so that a replayed request is refused (-30012).

export interface NonceCache {
  /** Records the nonce; false if this customer already used it within the window. */
  remember(customerId: string, nonce: string): boolean;
  clear(): void;
  /** Nonces held (memory grows with requests per window: forgetting one early would accept a replay). */
  size(): number;
}

export function createNonceCache(now: () => number, windowMs: number): NonceCache {
  const seen = new Map<string, number>();
  let sweepAt = 0;
  return {
    remember(customerId, nonce) {
      const t = now();
      if (t >= sweepAt) {
        // Insertion order is expiry order (time only moves forward, and a re-used key is moved to
        // the end below), so the sweep stops at the first nonce still inside the window.
        for (const [key, expires] of seen) {
          if (expires > t) break;
          seen.delete(key);
        }
        sweepAt = t + windowMs / 4;
      }
      const key = `${customerId}\n${nonce}`;
      const expires = seen.get(key);
      if (expires !== undefined) {
        if (expires > t) return false;
        seen.delete(key);
      }
      seen.set(key, t + windowMs);
      return true;
    },
    clear() {
      seen.clear();
    },
    size: () => seen.size,
  };
}
