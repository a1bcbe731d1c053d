// The records the store holds in memory (conversations, messages not yet in history, inbound
// events) and the live snapshot `records.jsonl` they are written to and read from.
import { eachJsonLine } from '../../../lib/json-lines';
import type { InboundEvent, Message } from '../../domain/model';
import type { ConfigDoc, StoreState } from '../../service/channel-store';
import { type JournalRecord, SCHEMA_VERSION, type SnapshotHeader } from './schema';

/** The state plus what finds a held message by its TeleSign reference id. */
export interface Held {
  state: StoreState;
  /** Message id by TeleSign reference id, for the messages held in memory. */
  byReference: Map<string, string>;
}

export function emptyHeld(config: ConfigDoc): Held {
  return {
    state: {
      config,
      conversations: new Map(),
      messages: new Map(),
      messagesByConversation: new Map(),
      inboundEvents: [],
    },
    byReference: new Map(),
  };
}

export function applyRecord(held: Held, record: JournalRecord): void {
  if (record.t === 'conversation') held.state.conversations.set(record.v.id, record.v);
  else if (record.t === 'message') holdMessage(held, record.v);
  else held.state.inboundEvents.push(storedInboundEvent(record.v));
}

/** Inbound events written before delivery reports were kept carry no kind: all of them were SMS. */
export function storedInboundEvent(event: InboundEvent): InboundEvent {
  return event.kind ? event : { ...event, kind: 'sms' };
}

export function holdMessage(held: Held, message: Message): void {
  const { state } = held;
  if (!state.messages.has(message.id)) {
    const list = state.messagesByConversation.get(message.conversationId);
    if (list) list.push(message.id);
    else state.messagesByConversation.set(message.conversationId, [message.id]);
  }
  state.messages.set(message.id, message);
  if (message.telesignReferenceId) held.byReference.set(message.telesignReferenceId, message.id);
}

/**
 * Forgets the messages now stored in history, unless a newer version was saved meanwhile (that one
 * is in the journal, and stays held until the next compaction).
 */
export function releaseMessages(held: Held, conversationId: string, moved: Message[]): void {
  const { state } = held;
  for (const message of moved) {
    if (state.messages.get(message.id) !== message) continue;
    state.messages.delete(message.id);
    const reference = message.telesignReferenceId;
    if (reference && held.byReference.get(reference) === message.id)
      held.byReference.delete(reference);
  }
  const left = (state.messagesByConversation.get(conversationId) ?? []).filter((id) =>
    state.messages.has(id),
  );
  if (left.length > 0) state.messagesByConversation.set(conversationId, left);
  else state.messagesByConversation.delete(conversationId);
}

export function refuseNewer(version: number, file: string): void {
  if (version > SCHEMA_VERSION)
    throw new Error(
      `${file} was written by a newer version (schema ${version}; this one reads up to ${SCHEMA_VERSION}).`,
    );
}

/**
 * Reads `records.jsonl` (a header line, then one record per line) into `held`; returns its
 * header, or null when there is no such snapshot.
 */
export async function readSnapshot(
  path: string,
  held: Held,
  warn: (message: string) => void,
): Promise<SnapshotHeader | null> {
  let header: SnapshotHeader | undefined;
  await eachJsonLine(path, warn, (line) => {
    if (header) applyRecord(held, line as JournalRecord);
    else {
      header = line as SnapshotHeader;
      refuseNewer(header.schemaVersion, 'records.jsonl');
    }
  });
  return header ?? null;
}

/**
 * The snapshot's lines: the header, then every conversation and held message. Lazy,
 * and over the records present when called (a record saved meanwhile is also in the new journal,
 * and replay keeps the last version of each, so either order is right).
 */
export function* snapshotLines(
  state: StoreState,
  header: SnapshotHeader,
): Generator<SnapshotHeader | JournalRecord> {
  yield header;
  for (const v of [...state.conversations.values()]) yield { t: 'conversation', v };
  for (const v of [...state.messages.values()]) yield { t: 'message', v };
  // Inbound events are not in the snapshot: compaction moves them all to the event log, and those
  // received while it runs are in the new journal (listing them here too would count them twice).
}
