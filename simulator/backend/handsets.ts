// Handsets: the customers' phones, with what TeleSign delivered to them and what they texted.
// Bounded: each thread keeps its newest messages, and only so many phones are remembered.
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
  /**
   * Set when the thread was cleared: the reference id of the last message TeleSign had been asked
   * to deliver to this phone by then (null: none), so a view hides those records too.
   */
  clearedAfter?: string | null;
}

export interface Handsets {
  /** The phone's threads; empty (and not remembered) for a phone that never sent or received. */
  get(phone: string): Handset;
  list(): Handset[];
  /** Whether the phone is remembered (it texted, received, was created or cleared). */
  has(phone: string): boolean;
  /** Keeps a message TeleSign delivered to `phone`. */
  receive(phone: string, message: InboxMessage): void;
  /** Keeps a message `phone` texted. */
  send(phone: string, message: OutboxMessage): void;
  /** Empties the phone's threads (remembering it); `after` becomes its `clearedAfter`. */
  clear(phone: string, after: string | null): void;
  /** Remembers a phone with nothing in its threads yet (a handset created on the control plane). */
  ensure(phone: string): void;
  /** Puts back threads kept from an earlier run, before anything received or sent since. */
  restore(handsets: readonly Handset[]): void;
  reset(): void;
}

export interface HandsetLimits {
  /** Newest messages kept per inbox and per outbox (default 1 000). */
  threadCapacity?: number;
  /** Phones remembered; past it the phone first seen longest ago is forgotten (default 10 000). */
  phoneCapacity?: number;
}

export const DEFAULT_THREAD_CAPACITY = 1_000;
export const DEFAULT_PHONE_CAPACITY = 10_000;

/** Appends, trimming in batches (a tenth over the cap) so that a full thread does not shift on every message. */
function keepNewest<T>(list: T[], item: T, capacity: number): T[] {
  list.push(item);
  return list.length > capacity + Math.ceil(capacity / 10) ? list.slice(-capacity) : list;
}

export function createHandsets(limits: HandsetLimits = {}): Handsets {
  const threadCapacity = limits.threadCapacity ?? DEFAULT_THREAD_CAPACITY;
  const phoneCapacity = limits.phoneCapacity ?? DEFAULT_PHONE_CAPACITY;
  const phones = new Map<string, Handset>();
  // First-seen order, for forgetting: a Map's own order would make each eviction walk deleted entries.
  let order: string[] = [];
  let head = 0;

  const remember = (phone: string): Handset => {
    let handset = phones.get(phone);
    if (handset) return handset;
    handset = { phone, inbox: [], outbox: [] };
    phones.set(phone, handset);
    order.push(phone);
    while (phones.size > phoneCapacity && head < order.length) phones.delete(order[head++] ?? '');
    if (head > phoneCapacity) {
      order = order.slice(head);
      head = 0;
    }
    return handset;
  };
  const trimmed = (messages: readonly InboxMessage[] | readonly OutboxMessage[]) =>
    messages.length > threadCapacity ? messages.slice(-threadCapacity) : [...messages];

  return {
    get: (phone) => phones.get(phone) ?? { phone, inbox: [], outbox: [] },
    list: () => [...phones.values()],
    has: (phone) => phones.has(phone),
    receive(phone, message) {
      const handset = remember(phone);
      handset.inbox = keepNewest(handset.inbox, message, threadCapacity);
    },
    send(phone, message) {
      const handset = remember(phone);
      handset.outbox = keepNewest(handset.outbox, message, threadCapacity);
    },
    clear(phone, after) {
      const handset = remember(phone);
      handset.inbox = [];
      handset.outbox = [];
      handset.clearedAfter = after;
    },
    ensure(phone) {
      remember(phone);
    },
    restore(handsets) {
      for (const kept of handsets) {
        const current = phones.get(kept.phone);
        const handset = remember(kept.phone);
        if (kept.clearedAfter !== undefined && handset.clearedAfter === undefined)
          handset.clearedAfter = kept.clearedAfter;
        handset.inbox = trimmed([...kept.inbox, ...(current?.inbox ?? [])]) as InboxMessage[];
        handset.outbox = trimmed([...kept.outbox, ...(current?.outbox ?? [])]) as OutboxMessage[];
      }
    },
    reset() {
      phones.clear();
      order = [];
      head = 0;
    },
  };
}
