// Outbound messages and the delivery engine that walks each one through its policy on the clock.
import type { Clock, TimerHandle } from '../../lib/clock';
import type { SmsEncoding } from '../../lib/sms-text';
import { describeSms } from '../../lib/sms-text';
import type { CallbackRecord, Callbacks } from './callbacks';
import {
  type DeliverySetting,
  type DeliveryStep,
  deliverySteps,
  statusDescription,
} from './delivery-policy';
import type { Handsets } from './handsets';
import type { Journal } from './journal';
import { teleSignTimestamp } from './timestamp';
import type { TrafficRecord } from './traffic-schema';

export interface MessageStatus {
  code: number;
  description: string;
  updatedOn: string;
}

export interface MessageRecord {
  referenceId: string;
  customerId: string;
  phoneNumber: string;
  senderId: string;
  message: string;
  messageType: string;
  externalId: string | null;
  callbackUrl: string | null;
  submittedAt: string;
  chars: number;
  segments: number;
  encoding: SmsEncoding;
  delivery: DeliverySetting;
  status: MessageStatus;
  history: MessageStatus[];
  callbacks: CallbackRecord[];
}

export interface NewMessage {
  referenceId: string;
  customerId: string;
  apiKey: string;
  phoneNumber: string;
  senderId: string;
  message: string;
  messageType: string;
  externalId: string | null;
  callbackUrl: string | null;
  delivery: DeliverySetting;
}

export interface Messages {
  submit(input: NewMessage): MessageRecord;
  find(customerId: string, referenceId: string): MessageRecord | undefined;
  findAny(referenceId: string): MessageRecord | undefined;
  list(customerId?: string): MessageRecord[];
  /** The messages to one phone, oldest first, read from a per-phone index (not the whole store). */
  listToPhone(phoneNumber: string): MessageRecord[];
  /** Puts back messages kept from an earlier run (before any new one), without their timers. */
  restore(records: readonly MessageRecord[]): void;
  /** Schedules the steps restored messages had not reached yet; due ones run at once. Returns how many messages resumed. */
  resume(): number;
  /** Cancels the pending status changes (closing); the messages stay. */
  pause(): void;
  reset(): void;
}

export interface MessagesOptions {
  clock: Clock;
  journal: Journal;
  handsets: Handsets;
  callbacks: Callbacks;
  /** The callback URL at the time a status changes (per-request URL wins). */
  accountCallbackUrl(customerId: string): string | null;
  /** Oldest messages are forgotten past this count (TeleSign keeps status for 12 hours). */
  capacity?: number;
  /** Called when a message reaches the handset (200); a purchased number turns it into an inbound SMS. */
  onDelivered?(record: MessageRecord): Promise<void>;
  /** Hears every change worth keeping across a restart (a new message, a status, a delivery). */
  persist?(record: TrafficRecord): void;
  /** `additional_info` for the message's reports, when its account enables it; null otherwise. */
  additionalInfo?(record: MessageRecord): Record<string, unknown> | null;
  /** The API key that signs a resumed message's delivery reports; null skips resuming it. */
  apiKeyOf?(customerId: string): string | null;
}

/** The JSON body of a delivery report for `record`'s current status. */
export function deliveryReportBody(
  record: MessageRecord,
  extra: Record<string, unknown> | null = null,
): string {
  return JSON.stringify({
    reference_id: record.referenceId,
    external_id: record.externalId,
    sub_resource: 'sms',
    errors: [],
    status: {
      code: record.status.code,
      description: record.status.description,
      updated_on: record.status.updatedOn,
    },
    submit_timestamp: record.submittedAt,
    ...(extra ? { additional_info: extra } : {}),
  });
}

export function createMessages(options: MessagesOptions): Messages {
  const { clock, journal, handsets, callbacks } = options;
  const capacity = options.capacity ?? 100_000;
  const byId = new Map<string, MessageRecord>();
  // Submission order, for forgetting the oldest: `byId.keys().next()` would walk every deleted
  // entry V8 keeps in the Map until it rehashes, which made each submit cost more as it ran.
  let order: string[] = [];
  let head = 0;
  /** Each phone's messages in submission order: a card on Phones reads one phone's, not all. */
  const byPhone = new Map<string, MessageRecord[]>();
  const index = (record: MessageRecord): void => {
    const list = byPhone.get(record.phoneNumber);
    if (list) list.push(record);
    else byPhone.set(record.phoneNumber, [record]);
  };
  const unindex = (record: MessageRecord | undefined): void => {
    if (!record) return;
    const list = byPhone.get(record.phoneNumber);
    // The oldest message of the store is the oldest of its phone.
    if (list?.[0] === record) list.shift();
    else if (list?.includes(record)) list.splice(list.indexOf(record), 1);
    if (list?.length === 0) byPhone.delete(record.phoneNumber);
  };
  const forgetOldest = (): void => {
    while (byId.size > capacity && head < order.length) {
      const id = order[head++] ?? '';
      unindex(byId.get(id));
      byId.delete(id);
    }
    if (head > capacity) {
      order = order.slice(head);
      head = 0;
    }
  };
  const timers = new Set<TimerHandle>();
  let restored: MessageRecord[] = [];
  const persist = options.persist ?? (() => {});
  const iso = (): string => teleSignTimestamp(clock.now());

  const change = async (record: MessageRecord, code: number, apiKey: string): Promise<void> => {
    const status = { code, description: statusDescription(code), updatedOn: iso() };
    record.status = status;
    record.history.push(status);
    persist({ t: 'status', ref: record.referenceId, v: status });
    journal.record({
      kind: 'state',
      customerId: record.customerId,
      referenceId: record.referenceId,
      phone: record.phoneNumber,
      code,
      detail: `message to ${record.phoneNumber}: ${code} ${status.description}`,
    });
    if (code === 200) {
      const received = {
        referenceId: record.referenceId,
        from: record.senderId,
        text: record.message,
        receivedAt: status.updatedOn,
        segments: record.segments,
        encoding: record.encoding,
      };
      handsets.receive(record.phoneNumber, received);
      persist({ t: 'inbox', phone: record.phoneNumber, v: received });
      await options.onDelivered?.(record);
    }
    const url = record.callbackUrl ?? options.accountCallbackUrl(record.customerId);
    if (url) {
      const callback = await callbacks.dispatch({
        kind: 'delivery-report',
        customerId: record.customerId,
        apiKey,
        url,
        referenceId: record.referenceId,
        phone: record.phoneNumber,
        body: deliveryReportBody(record, options.additionalInfo?.(record) ?? null),
        ...(record.callbackUrl === null && { accountUrl: true }),
      });
      record.callbacks.push(callback);
    }
  };

  /** Walks `record` through `steps` (times after `submitted`). */
  const schedule = (
    record: MessageRecord,
    steps: DeliveryStep[],
    apiKey: string,
    submitted: number,
  ): void => {
    for (const step of steps) {
      const handle = clock.schedule(
        submitted + step.afterMs,
        async () => {
          timers.delete(handle);
          await change(record, step.code, apiKey);
        },
        `message ${record.referenceId} → ${step.code}`,
      );
      timers.add(handle);
    }
  };

  return {
    submit(input) {
      const info = describeSms(input.message);
      const status = { code: 290, description: statusDescription(290), updatedOn: iso() };
      const record: MessageRecord = {
        referenceId: input.referenceId,
        customerId: input.customerId,
        phoneNumber: input.phoneNumber,
        senderId: input.senderId,
        message: input.message,
        messageType: input.messageType,
        externalId: input.externalId,
        callbackUrl: input.callbackUrl,
        submittedAt: status.updatedOn,
        chars: info.chars,
        segments: info.segments,
        encoding: info.encoding,
        delivery: input.delivery,
        status,
        history: [status],
        callbacks: [],
      };
      byId.set(record.referenceId, record);
      order.push(record.referenceId);
      index(record);
      forgetOldest();
      persist({ t: 'message', v: record });
      schedule(record, deliverySteps(input.delivery), input.apiKey, clock.now());
      return record;
    },
    find(customerId, referenceId) {
      const record = byId.get(referenceId);
      return record && record.customerId === customerId ? record : undefined;
    },
    findAny: (referenceId) => byId.get(referenceId),
    list: (customerId) =>
      [...byId.values()].filter((m) => customerId === undefined || m.customerId === customerId),
    listToPhone: (phoneNumber) => [...(byPhone.get(phoneNumber) ?? [])],
    restore(records) {
      if (records.length === 0) return;
      const newer = [...byId.values()];
      byId.clear();
      for (const record of [...records, ...newer]) byId.set(record.referenceId, record);
      byPhone.clear();
      for (const record of byId.values()) index(record);
      order = [...byId.keys()];
      head = 0;
      forgetOldest();
      restored = records.filter((r) => byId.get(r.referenceId) === r);
    },
    resume() {
      let resumed = 0;
      for (const record of restored) {
        // Each step adds one status after the initial 290: the history says how far it got.
        const remaining = deliverySteps(record.delivery).slice(record.history.length - 1);
        const apiKey = options.apiKeyOf?.(record.customerId) ?? null;
        if (remaining.length === 0 || apiKey === null) continue;
        schedule(record, remaining, apiKey, Date.parse(record.submittedAt));
        resumed++;
      }
      restored = [];
      return resumed;
    },
    pause() {
      for (const handle of timers) clock.cancel(handle);
      timers.clear();
    },
    reset() {
      for (const handle of timers) clock.cancel(handle);
      timers.clear();
      byId.clear();
      byPhone.clear();
      order = [];
      head = 0;
      restored = [];
    },
  };
}
