// Remembers TSA nonces for the tolerance window so that a replayed request is refused (-30012).

export interface NonceCache {
  /** Records the nonce; false if this customer already used it within the window. */
  remember(customerId: string, nonce: string): boolean;
  clear(): void;
}

export function createNonceCache(now: () => number, windowMs: number): NonceCache {
  const seen = new Map<string, number>();
  let sweepAt = 0;
  return {
    remember(customerId, nonce) {
      const t = now();
      if (t >= sweepAt) {
        for (const [key, expires] of seen) if (expires <= t) seen.delete(key);
        sweepAt = t + windowMs / 4;
      }
      const key = `${customerId}\n${nonce}`;
      const expires = seen.get(key);
      if (expires !== undefined && expires > t) return false;
      seen.set(key, t + windowMs);
      return true;
    },
    clear() {
      seen.clear();
    },
  };
}
