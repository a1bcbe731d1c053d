// Folds the traffic journal's lines back into messages and handsets, and writes that state compactly.
import { createCallbackFold } from './callback-fold';
import type { CallbackRecord, SavedCallback } from './callback-types';
import { createHandsets, type Handset, type HandsetLimits, type OutboxMessage } from './handsets';
import type { MessageRecord } from './messages';
import type { TrafficRecord } from './traffic-schema';

export interface TrafficState {
  /** Oldest first, at most the capacity the fold was given. */
  messages: MessageRecord[];
  handsets: Handset[];
  /** The highest callback id seen, so new callbacks do not reuse one. */
  lastCallbackId: number;
  /** Callbacks whose retry was pending at the stop, and abandoned ones (see callback-fold.ts). */
  callbacks: SavedCallback[];
}

const replaceById = (list: CallbackRecord[], callback: CallbackRecord): void => {
  const at = list.findIndex((c) => c.id === callback.id);
  if (at >= 0) list[at] = callback;
  else list.push(callback);
};

/**
 * Replays journal lines in order; the oldest messages beyond `capacity` are forgotten, and the
 * handsets' threads are held to the same limits as while running (see handsets.ts).
 */
export function foldTraffic(
  records: Iterable<TrafficRecord>,
  capacity: number,
  limits: HandsetLimits = {},
): TrafficState {
  const messages = new Map<string, MessageRecord>();
  // Arrival order for forgetting the oldest (a Map's keys().next() walks deleted entries).
  const order: string[] = [];
  let head = 0;
  const handsets = createHandsets(limits);
  const outboxByRef = new Map<string, OutboxMessage>();
  let lastCallbackId = 0;
  const callbacks = createCallbackFold();

  for (const record of records) {
    switch (record.t) {
      case 'message': {
        if (!messages.has(record.v.referenceId)) order.push(record.v.referenceId);
        messages.set(record.v.referenceId, record.v);
        for (const c of record.v.callbacks) lastCallbackId = Math.max(lastCallbackId, c.id);
        while (messages.size > capacity && head < order.length)
          messages.delete(order[head++] ?? '');
        break;
      }
      case 'status': {
        const message = messages.get(record.ref);
        if (message) {
          message.status = record.v;
          message.history.push(record.v);
        }
        break;
      }
      case 'inbox':
        handsets.receive(record.phone, record.v);
        break;
      case 'outbox':
        handsets.send(record.phone, record.v);
        outboxByRef.set(record.v.referenceId, record.v);
        lastCallbackId = Math.max(lastCallbackId, record.v.callback?.id ?? 0);
        break;
      case 'cleared':
        handsets.clear(record.phone, record.after);
        break;
      case 'callback': {
        const callback = record.v;
        lastCallbackId = Math.max(lastCallbackId, callback.id);
        callbacks.see(record);
        if (callback.kind === 'delivery-report') {
          const message = messages.get(callback.referenceId);
          if (message) replaceById(message.callbacks, callback);
        } else {
          const sent = outboxByRef.get(callback.referenceId);
          if (sent) sent.callback = callback;
        }
        break;
      }
    }
  }
  return {
    messages: [...messages.values()],
    handsets: handsets.list(),
    lastCallbackId,
    callbacks: callbacks.kept(),
  };
}

/** How many lines the state takes when written compactly (one per message, thread entry, clear, kept callback). */
export function compactSize(state: TrafficState): number {
  return state.handsets.reduce(
    (sum, h) => sum + h.inbox.length + h.outbox.length + (h.clearedAfter !== undefined ? 1 : 0),
    state.messages.length + state.callbacks.length,
  );
}

/** The state as journal lines: each message whole (history and callbacks inside), then the threads. */
export function* compactRecords(state: TrafficState): Generator<TrafficRecord> {
  for (const message of state.messages) yield { t: 'message', v: message };
  for (const h of state.handsets) {
    if (h.clearedAfter !== undefined) yield { t: 'cleared', phone: h.phone, after: h.clearedAfter };
    for (const received of h.inbox) yield { t: 'inbox', phone: h.phone, v: received };
    for (const sent of h.outbox) yield { t: 'outbox', phone: h.phone, v: sent };
  }
  // Last, so that their record replaces the copy inside a message or thread when read back.
  for (const c of state.callbacks) yield { t: 'callback', v: c.record, job: c.job, next: c.next };
}
