// Handsets: the customers' phones, with what TeleSign delivered to them and what they texted.
import type { SmsEncoding } from '../../lib/sms-text';
import type { CallbackRecord } from './callbacks';

export interface InboxMessage {
  referenceId: string;
  from: string;
  text: string;
  receivedAt: string;
  segments: number;
  encoding: SmsEncoding;
}

export interface OutboxMessage {
  referenceId: string;
  to: string;
  text: string;
  sentAt: string;
  customerId: string | null;
  callback: CallbackRecord | null;
  /** Why nothing was posted, when nothing was. */
  note?: string;
}

export interface Handset {
  phone: string;
  inbox: InboxMessage[];
  outbox: OutboxMessage[];
}

export interface Handsets {
  get(phone: string): Handset;
  list(): Handset[];
  /** Puts back threads kept from an earlier run, before anything received or sent since. */
  restore(handsets: readonly Handset[]): void;
  reset(): void;
}

export function createHandsets(): Handsets {
  const phones = new Map<string, Handset>();
  return {
    get(phone) {
      let handset = phones.get(phone);
      if (!handset) {
        handset = { phone, inbox: [], outbox: [] };
        phones.set(phone, handset);
      }
      return handset;
    },
    list: () => [...phones.values()],
    restore(handsets) {
      for (const kept of handsets) {
        const current = phones.get(kept.phone);
        phones.set(kept.phone, {
          phone: kept.phone,
          inbox: [...kept.inbox, ...(current?.inbox ?? [])],
          outbox: [...kept.outbox, ...(current?.outbox ?? [])],
        });
      }
    },
    reset() {
      phones.clear();
    },
  };
}
