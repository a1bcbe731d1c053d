// Phone lookups on the inbound path without re-parsing: a bounded E.164 memo, and active contacts and accounts by E.164.

import type { Account, Contact } from '../domain/model';
import { toE164 } from '../domain/sms-number';

/**
 * `toE164` costs a libphonenumber parse (about 10 µs); an inbound SMS needed several per work
 * stream and one per contact. Results are pure, so remembering them changes nothing; the memo is
 * cleared when it reaches `limit` entries, so a flood of distinct senders cannot grow it forever.
 */
export function createE164Memo(limit = 10_000): (phone: string | undefined) => string | null {
  const known = new Map<string, string | null>();
  return (phone) => {
    if (!phone) return null;
    const hit = known.get(phone);
    if (hit !== undefined) return hit;
    const e164 = toE164(phone);
    if (known.size >= limit) known.clear();
    known.set(phone, e164);
    return e164;
  };
}

/** Whether two phones are the same number as E.164 (R-RT-1), as `sameNumber` says, through the memo. */
export function sameNumberWith(
  e164: (phone: string | undefined) => string | null,
  a: string | undefined,
  b: string | undefined,
): boolean {
  if (!a || !b) return false;
  const left = e164(a);
  return left !== null && left === e164(b);
}

/** Active records (contacts or accounts) by the E.164 form of their phone (R-RT-1). */
export interface PhoneIndex<T> {
  /** Active records whose phone is `phone` compared as E.164 (R-RT-1), in list order. */
  matching(phone: string): T[];
  /** Call after any record is created, deleted or has its phone changed. */
  invalidate(): void;
}

export type ContactIndex = PhoneIndex<Contact>;
export type AccountIndex = PhoneIndex<Account>;

/**
 * Records by the E.164 form of their phone, built on first use after a change. Status is read at
 * lookup time, so only phone changes and membership need `invalidate()`; a replaced or resized
 * list is noticed on its own as a second line of defence.
 */
export function createPhoneIndex<T extends { status: 'active' | 'inactive' }>(
  records: () => T[],
  phoneOf: (record: T) => string | undefined,
  e164: (phone: string | undefined) => string | null,
): PhoneIndex<T> {
  let byPhone: Map<string, T[]> | undefined;
  let builtFrom: T[] | undefined;
  let builtLength = 0;
  const build = (list: T[]): Map<string, T[]> => {
    const index = new Map<string, T[]>();
    for (const record of list) {
      const key = e164(phoneOf(record));
      if (key === null) continue;
      const same = index.get(key);
      if (same) same.push(record);
      else index.set(key, [record]);
    }
    builtFrom = list;
    builtLength = list.length;
    return index;
  };
  return {
    matching(phone) {
      const list = records();
      if (!byPhone || builtFrom !== list || builtLength !== list.length) byPhone = build(list);
      const key = e164(phone);
      if (key === null) return [];
      return (byPhone.get(key) ?? []).filter((r) => r.status === 'active');
    },
    invalidate() {
      byPhone = undefined;
    },
  };
}

/** Active contacts by mobile phone (R-RT-1). */
export function createContactIndex(
  contacts: () => Contact[],
  e164: (phone: string | undefined) => string | null,
): ContactIndex {
  return createPhoneIndex(contacts, (c) => c.mobilePhone, e164);
}

/** Active accounts by main phone (R-RT-1 as amended). */
export function createAccountIndex(
  accounts: () => Account[],
  e164: (phone: string | undefined) => string | null,
): AccountIndex {
  return createPhoneIndex(accounts, (a) => a.mainPhone, e164);
}
