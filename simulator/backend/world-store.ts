// The persisted part of the fake's world (accounts, numbers, callback URLs, policies) in a lowdb Low.
import { Low, Memory } from 'lowdb';
import { type AccountSettings, completeSettings } from './account-settings';
import type { DeliverySetting } from './delivery-policy';
import type { OptOutRecord } from './opt-out';

export const WORLD_SCHEMA_VERSION = 3;

export type NumberType = 'long-code' | 'short-code' | 'toll-free';

export interface AccountRecord {
  customerId: string;
  apiKey: string;
  callbackUrl: string | null;
  createdAt: string;
  /** Requests per second on the faked API; null = no limit. */
  rateLimitPerSecond: number | null;
  delivery: DeliverySetting | null;
  /** Revision 2 settings (opt-out, balance, trial, cap, sender ids, additional_info). */
  settings: AccountSettings;
}

export interface NumberRecord {
  number: string;
  customerId: string;
  type: NumberType;
  country: string;
  purchasedAt: string;
  delivery: DeliverySetting | null;
}

/** A handset created on the control plane (`PUT /_sim/handsets/{phone}`): it exists before it texts. */
export interface CreatedHandset {
  phone: string;
  createdAt: string;
}

export interface WorldData {
  version: number;
  accounts: Record<string, AccountRecord>;
  numbers: Record<string, NumberRecord>;
  handsetDelivery: Record<string, DeliverySetting>;
  /** Handsets opted out of a number (managed opt-out), keyed by `optOutKey(phone, number)`. */
  optOuts: Record<string, OptOutRecord>;
  /** Handsets created on the control plane, by phone (schema 3). */
  handsets: Record<string, CreatedHandset>;
}

export function emptyWorld(): WorldData {
  return {
    version: WORLD_SCHEMA_VERSION,
    accounts: {},
    numbers: {},
    handsetDelivery: {},
    optOuts: {},
    handsets: {},
  };
}

/** A lowdb database holding the world, in memory unless the caller passes a file adapter. */
export function createMemoryStorage(): Low<WorldData> {
  return new Low<WorldData>(new Memory<WorldData>(), emptyWorld());
}

/** Reads the database and migrates older or missing data to the current schema. */
export async function loadWorld(db: Low<WorldData>): Promise<void> {
  await db.read();
  const data = (db.data ?? {}) as Partial<WorldData>;
  const accounts = data.accounts ?? {};
  // Version 1 had no settings: every account gets today's defaults (opt-out on, no limits).
  for (const account of Object.values(accounts))
    account.settings = completeSettings(account.settings);
  db.data = {
    version: WORLD_SCHEMA_VERSION,
    accounts,
    numbers: data.numbers ?? {},
    handsetDelivery: data.handsetDelivery ?? {},
    optOuts: data.optOuts ?? {},
    // Version 2 had no created handsets: a handset existed only through its messages.
    handsets: data.handsets ?? {},
  };
}
