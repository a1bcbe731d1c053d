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
    reset() {
      phones.clear();
    },
  };
}
