// Per-account token buckets on the injected clock: the faked API's 429/10019.

export interface RateLimiter {
  /** True when the account may make one more request now (and takes a token). */
  take(customerId: string, perSecond: number | null): boolean;
  reset(): void;
}

export function createRateLimiter(now: () => number): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(customerId, perSecond) {
      if (perSecond === null) return true;
      const t = now();
      const bucket = buckets.get(customerId) ?? { tokens: perSecond, at: t };
      bucket.tokens = Math.min(perSecond, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
      bucket.at = t;
      buckets.set(customerId, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
    reset() {
      buckets.clear();
    },
  };
}
