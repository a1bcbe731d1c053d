// Outbound messages and the delivery engine that walks each one through its policy on the clock.
import type { Clock, TimerHandle } from '../../lib/clock';
import type { SmsEncoding } from '../../lib/sms-text';
import { describeSms } from '../../lib/sms-text';
import type { CallbackRecord, Callbacks } from './callbacks';
import { type DeliverySetting, deliverySteps, statusDescription } from './delivery-policy';
import type { Handsets } from './handsets';
import type { Journal } from './journal';

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
}

/** The JSON body of a delivery report for `record`'s current status. */
export function deliveryReportBody(record: MessageRecord): string {
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
  });
}

export function createMessages(options: MessagesOptions): Messages {
  const { clock, journal, handsets, callbacks } = options;
  const capacity = options.capacity ?? 100_000;
  const byId = new Map<string, MessageRecord>();
  const timers = new Set<TimerHandle>();
  const iso = (): string => new Date(clock.now()).toISOString();

  const change = async (record: MessageRecord, code: number, apiKey: string): Promise<void> => {
    const status = { code, description: statusDescription(code), updatedOn: iso() };
    record.status = status;
    record.history.push(status);
    journal.record({
      kind: 'state',
      customerId: record.customerId,
      referenceId: record.referenceId,
      code,
      detail: `message to ${record.phoneNumber}: ${code} ${status.description}`,
    });
    if (code === 200) {
      handsets.get(record.phoneNumber).inbox.push({
        referenceId: record.referenceId,
        from: record.senderId,
        text: record.message,
        receivedAt: status.updatedOn,
        segments: record.segments,
        encoding: record.encoding,
      });
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
        body: deliveryReportBody(record),
      });
      record.callbacks.push(callback);
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
      if (byId.size > capacity) {
        const oldest = byId.keys().next().value;
        if (oldest !== undefined) byId.delete(oldest);
      }
      const submitted = clock.now();
      for (const step of deliverySteps(input.delivery)) {
        const handle = clock.schedule(
          submitted + step.afterMs,
          async () => {
            timers.delete(handle);
            await change(record, step.code, input.apiKey);
          },
          `message ${record.referenceId} → ${step.code}`,
        );
        timers.add(handle);
      }
      return record;
    },
    find(customerId, referenceId) {
      const record = byId.get(referenceId);
      return record && record.customerId === customerId ? record : undefined;
    },
    findAny: (referenceId) => byId.get(referenceId),
    list: (customerId) =>
      [...byId.values()].filter((m) => customerId === undefined || m.customerId === customerId),
    reset() {
      for (const handle of timers) clock.cancel(handle);
      timers.clear();
      byId.clear();
    },
  };
}
