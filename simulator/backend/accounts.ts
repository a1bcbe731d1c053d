// TeleSign accounts: customer ids, API keys, callback URLs, rate limits and default delivery.
import { randomBytes } from 'node:crypto';
import type { Low } from 'lowdb';
import { SimulatorError } from '../errors/control-errors';
import {
  type AccountSettings,
  applySettings,
  defaultSettings,
  type SettingsInput,
} from './account-settings';
import type { CallbackUrlVerdict } from './callback-url-rule';
import type { DeliverySetting } from './delivery-policy';
import type { AccountRecord, WorldData } from './world-store';

/** TeleSign customer ids are upper-case UUIDs; anything else is a malformed id (10015). */
export const CUSTOMER_ID_PATTERN =
  /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i;

export interface NewAccount {
  customerId?: string | undefined;
  apiKey?: string | undefined;
  callbackUrl?: string | undefined;
}

export interface Accounts {
  create(input: NewAccount): Promise<AccountRecord>;
  list(): AccountRecord[];
  find(customerId: string): AccountRecord | undefined;
  get(customerId: string): AccountRecord;
  setCallbackUrl(customerId: string, url: string | null): Promise<AccountRecord>;
  setRateLimit(customerId: string, perSecond: number | null): Promise<AccountRecord>;
  setDelivery(customerId: string, setting: DeliverySetting | null): Promise<AccountRecord>;
  updateSettings(customerId: string, input: SettingsInput): Promise<AccountRecord>;
  /** Changes settings the backend keeps up to date (balance, cap count) and writes them. */
  touch(customerId: string, change: (settings: AccountSettings) => void): Promise<void>;
}

/** The callback URL rule (callback-url-rule.ts) with this simulator's in-process hosts. */
export type CallbackUrlCheck = (url: string, field: string) => CallbackUrlVerdict;

export function createAccounts(
  db: Low<WorldData>,
  now: () => number,
  uuid: () => string,
  checkCallbackUrl: CallbackUrlCheck,
): Accounts {
  /** An account's callback URL obeys the rule a send's callback_url does (§11.5). */
  const allowed = (url: string | null | undefined, field: string): void => {
    if (url === null || url === undefined) return;
    const verdict = checkCallbackUrl(url, field);
    if (!verdict.ok) throw new SimulatorError('invalid_field', verdict.hint, field);
  };
  const find = (customerId: string): AccountRecord | undefined =>
    db.data.accounts[customerId.toUpperCase()];
  const get = (customerId: string): AccountRecord => {
    const account = find(customerId);
    if (!account) {
      throw new SimulatorError(
        'not_found',
        `no account with customer id ${customerId}`,
        'customer_id',
      );
    }
    return account;
  };
  const update = async (
    customerId: string,
    change: (account: AccountRecord) => void,
  ): Promise<AccountRecord> => {
    const account = get(customerId);
    change(account);
    await db.write();
    return account;
  };
  return {
    async create(input) {
      allowed(input.callbackUrl, 'callback_url');
      const customerId = (input.customerId ?? uuid()).toUpperCase();
      if (find(customerId)) {
        throw new SimulatorError(
          'conflict',
          `customer id ${customerId} already exists`,
          'customer_id',
        );
      }
      const account: AccountRecord = {
        customerId,
        // TeleSign API keys are base64 text of random bytes (64 bytes → 88 characters).
        apiKey: input.apiKey ?? randomBytes(64).toString('base64'),
        callbackUrl: input.callbackUrl ?? null,
        createdAt: new Date(now()).toISOString(),
        rateLimitPerSecond: null,
        delivery: null,
        settings: defaultSettings(),
      };
      db.data.accounts[customerId] = account;
      await db.write();
      return account;
    },
    list: () => Object.values(db.data.accounts),
    find,
    get,
    setCallbackUrl: (cid, url) => {
      allowed(url, 'url');
      return update(cid, (a) => {
        a.callbackUrl = url;
      });
    },
    setRateLimit: (cid, perSecond) =>
      update(cid, (a) => {
        a.rateLimitPerSecond = perSecond;
      }),
    setDelivery: (cid, setting) =>
      update(cid, (a) => {
        a.delivery = setting;
      }),
    updateSettings: (cid, input) =>
      update(cid, (a) => {
        a.settings = applySettings(a.settings, input);
      }),
    async touch(cid, change) {
      await update(cid, (a) => change(a.settings));
    },
  };
}
