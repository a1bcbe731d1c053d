// The records the store holds in memory (conversations, messages not yet in history, inbound
// events) and the live snapshot `records.jsonl` they are written to and read from.
import type { JSONFile } from 'lowdb/node';
import { eachJsonLine } from '../../../lib/json-lines';
import type { Conversation, InboundEvent, Message } from '../../domain/model';
import type { ConfigDoc, StoreState } from '../../service/channel-store';
import {
  type JournalRecord,
  type RecordsSnapshot,
  SCHEMA_VERSION,
  type SnapshotHeader,
} from './schema';

/** The state plus what finds a held message by its TeleSign reference id. */
export interface Held {
  state: StoreState;
  /** Message id by TeleSign reference id, for the messages held in memory. */
  byReference: Map<string, string>;
  /** Each held conversation's place in creation order. */
  conversationSeq: Map<string, number>;
  /** The place the next new conversation gets. */
  nextSeq: number;
  /** The place of a conversation the store holds on disk, if it does. */
  storedSeq: (id: string) => number | undefined;
}

export function emptyHeld(
  config: ConfigDoc,
  storedSeq: (id: string) => number | undefined = () => undefined,
): Held {
  return {
    conversationSeq: new Map(),
    nextSeq: 0,
    storedSeq,
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
  if (record.t === 'conversation') holdConversation(held, record.v, record.s);
  else if (record.t === 'message') holdMessage(held, record.v);
  else held.state.inboundEvents.push(storedInboundEvent(record.v));
}

/** Holds the conversation; a new one gets the next place in creation order, a stored one keeps its own. */
export function holdConversation(held: Held, conversation: Conversation, seq?: number): void {
  if (!held.conversationSeq.has(conversation.id)) {
    const place = seq ?? held.storedSeq(conversation.id) ?? held.nextSeq;
    held.conversationSeq.set(conversation.id, place);
    held.nextSeq = Math.max(held.nextSeq, place + 1);
  }
  held.state.conversations.set(conversation.id, conversation);
}

/** Forgets conversations now stored on disk, unless a newer version was saved meanwhile. */
export function releaseConversations(held: Held, moved: Conversation[]): void {
  for (const conversation of moved) {
    if (held.state.conversations.get(conversation.id) !== conversation) continue;
    held.state.conversations.delete(conversation.id);
    held.conversationSeq.delete(conversation.id);
  }
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
      held.nextSeq = header.nextConversationSeq ?? 0;
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
  held: Held,
  header: SnapshotHeader,
): Generator<SnapshotHeader | JournalRecord> {
  const { state } = held;
  yield { ...header, nextConversationSeq: held.nextSeq };
  for (const v of [...state.conversations.values()])
    yield { t: 'conversation', v, s: held.conversationSeq.get(v.id) ?? 0 };
  for (const v of [...state.messages.values()]) yield { t: 'message', v };
  // Inbound events are not in the snapshot: compaction moves them all to the event log, and those
  // received while it runs are in the new journal (listing them here too would count them twice).
}

/** Reads `records.json`, the one-document snapshot of versions before `records.jsonl`. */
export async function readLegacySnapshot(
  file: JSONFile<RecordsSnapshot>,
  held: Held,
  warn: (message: string) => void,
): Promise<number> {
  const snapshot = await file.read().catch((error: unknown) => {
    warn(`records.json could not be read (${String(error)}); starting from the journal only`);
    return null;
  });
  if (!snapshot) return -1;
  refuseNewer(snapshot.schemaVersion, 'records.json');
  for (const c of snapshot.conversations) holdConversation(held, c);
  for (const m of snapshot.messages) holdMessage(held, m);
  for (const e of snapshot.inboundEvents) held.state.inboundEvents.push(storedInboundEvent(e));
  return snapshot.coversGeneration;
}

/** The held messages of closed conversations, by conversation: what the next segment takes. */
export function closedGroups(
  held: Held,
  conversation: (id: string) => Conversation | undefined,
): Array<[string, Message[]]> {
  const groups: Array<[string, Message[]]> = [];
  for (const [conversationId, ids] of held.state.messagesByConversation) {
    if (conversation(conversationId)?.state !== 'closed') continue;
    const messages = ids
      .map((id) => held.state.messages.get(id))
      .filter((m): m is Message => m !== undefined);
    groups.push([conversationId, messages]);
  }
  return groups;
}
