// The persisted part of the fake's world (accounts, numbers, callback URLs, policies) in a lowdb Low.
import { Low, Memory } from 'lowdb';
import type { DeliverySetting } from './delivery-policy';

export const WORLD_SCHEMA_VERSION = 1;

export type NumberType = 'long-code' | 'short-code' | 'toll-free';

export interface AccountRecord {
  customerId: string;
  apiKey: string;
  callbackUrl: string | null;
  createdAt: string;
  /** Requests per second on the faked API; null = no limit. */
  rateLimitPerSecond: number | null;
  delivery: DeliverySetting | null;
}

export interface NumberRecord {
  number: string;
  customerId: string;
  type: NumberType;
  country: string;
  purchasedAt: string;
  delivery: DeliverySetting | null;
}

export interface WorldData {
  version: number;
  accounts: Record<string, AccountRecord>;
  numbers: Record<string, NumberRecord>;
  handsetDelivery: Record<string, DeliverySetting>;
}

export function emptyWorld(): WorldData {
  return { version: WORLD_SCHEMA_VERSION, accounts: {}, numbers: {}, handsetDelivery: {} };
}

/** A lowdb database holding the world, in memory unless the caller passes a file adapter. */
export function createMemoryStorage(): Low<WorldData> {
  return new Low<WorldData>(new Memory<WorldData>(), emptyWorld());
}

/** Reads the database and migrates older or missing data to the current schema. */
export async function loadWorld(db: Low<WorldData>): Promise<void> {
  await db.read();
  const data = (db.data ?? {}) as Partial<WorldData>;
  db.data = {
    version: WORLD_SCHEMA_VERSION,
    accounts: data.accounts ?? {},
    numbers: data.numbers ?? {},
    handsetDelivery: data.handsetDelivery ?? {},
  };
}
