// Id generation: random for real runs, seeded and repeatable for scenarios and recordings.
import { createHash, randomBytes } from 'node:crypto';

export interface Ids {
  /** A prefixed opaque id, e.g. `cv_4f1c2a9b0d3e`. */
  id(prefix: string): string;
  /** A 32-digit upper-case hex id, TeleSign's reference id format. */
  referenceId(): string;
  /** An unguessable url-safe token (24 chars). */
  token(): string;
  /** A v4-shaped UUID (used as TSA nonce by clients). */
  uuid(): string;
}

function fromBytes(next: (n: number) => Buffer): Ids {
  return {
    id: (prefix) => `${prefix}_${next(6).toString('hex')}`,
    referenceId: () => next(16).toString('hex').toUpperCase(),
    token: () => next(18).toString('base64url'),
    uuid: () => {
      const b = next(16);
      b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
      b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
      const h = b.toString('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}

/** Cryptographically random ids, cut from a 4 KB pool (one `randomBytes` call per ~250 ids, not per id). */
export function createRandomIds(): Ids {
  let pool = Buffer.alloc(0);
  let at = 0;
  return fromBytes((n) => {
    if (at + n > pool.length) {
      pool = randomBytes(Math.max(4096, n));
      at = 0;
    }
    at += n;
    return pool.subarray(at - n, at);
  });
}

/** Deterministic ids: the same seed yields the same sequence (sha256 of seed and counter). */
export function createSeededIds(seed: string | number): Ids {
  let counter = 0;
  return fromBytes((n) => {
    const digest = createHash('sha256').update(`${seed}:${counter++}`).digest();
    return digest.subarray(0, n);
  });
}
