// The stored shapes of the channel and their numbered migrations, applied on read.

import type { Condition, Conversation, InboundEvent, Message } from '../../domain/model';
import { firstForbiddenField } from '../../domain/routing';
import type { ConfigDoc } from '../../service/channel-store';

export const SCHEMA_VERSION = 3;

export type { ConfigDoc, Organisation } from '../../service/channel-store';

/** The first line of `records.jsonl`; the records follow, one per line, as in the journal. */
export interface SnapshotHeader {
  schemaVersion: number;
  /** Every journal generation up to and including this one is folded into the snapshot. */
  coversGeneration: number;
  /**
   * Since schema 3: history segments 1…n hold the messages of conversations closed before the
   * snapshot (`history-NNNNNN.jsonl` and `.keys`). Absent: everything is in the snapshot.
   */
  historySegments?: number;
  /** Since schema 3: inbound event segments 1…n (`events-NNNNNN.jsonl` and `.columns`). */
  eventSegments?: number;
  /** Since schema 3: closed conversation segments 1…n (`conversations-NNNNNN.*`). */
  conversationSegments?: number;
  /** Since schema 3: the creation-order number the next new conversation gets. */
  nextConversationSeq?: number;
}

/** The one-document snapshot (`records.json`) of earlier versions: still read, no longer written. */
export interface RecordsSnapshot {
  schemaVersion: number;
  /** Every journal generation up to and including this one is folded into the snapshot. */
  coversGeneration: number;
  conversations: Conversation[];
  messages: Message[];
  inboundEvents: InboundEvent[];
}

export type JournalRecord =
  /** `s`: the conversation's place in creation order (snapshot lines only; replay counts otherwise). */
  | { t: 'conversation'; v: Conversation; s?: number }
  | { t: 'message'; v: Message }
  | { t: 'inbound'; v: InboundEvent };

export function emptyConfig(): ConfigDoc {
  return {
    schemaVersion: SCHEMA_VERSION,
    organisation: null,
    workStreams: [],
    queues: [],
    contacts: [],
    accounts: [],
    agents: [],
  };
}

/** A migration may say what it changed, so the person running the simulator hears of it. */
type Migration = (
  doc: Record<string, unknown>,
  note: (message: string) => void,
) => Record<string, unknown>;

interface StoredRule {
  name?: unknown;
  condition?: unknown;
  disabled?: unknown;
}

/**
 * Revision 2 of the rulebook: accounts are a record type (R-RT-1), and a routing condition may
 * no longer test the message text (R-RT-3). A stored rule that does is kept, disabled and
 * flagged: refusing to load would lose the data, and evaluating it would route on a field the
 * product does not have, so the administrator decides.
 */
function toVersion2(doc: Record<string, unknown>, note: (message: string) => void) {
  const workStreams = Array.isArray(doc.workStreams) ? doc.workStreams : [];
  for (const workStream of workStreams as Array<{ name?: unknown; routingRules?: unknown }>) {
    const rules = Array.isArray(workStream.routingRules) ? workStream.routingRules : [];
    for (const rule of rules as StoredRule[]) {
      if (rule.disabled || !rule.condition || typeof rule.condition !== 'object') continue;
      const forbidden = firstForbiddenField(rule.condition as Condition);
      if (!forbidden) continue;
      const reason = `Disabled when the data was upgraded to schema 2: its condition tests ${forbidden.field}, which routing no longer reads (R-RT-3, rulebook revision 2). Change the condition to contact.<field>, account.<field>, customer.number or support.number, or delete the rule.`;
      rule.disabled = { reason };
      note(
        `routing rule "${String(rule.name)}" of work stream "${String(workStream.name)}" tests ${forbidden.field} and is now disabled (R-RT-3); conversations skip it until it is changed`,
      );
    }
  }
  return { ...doc, accounts: Array.isArray(doc.accounts) ? doc.accounts : [], schemaVersion: 2 };
}

/** MIGRATIONS[n] turns a version-n document into version n+1. */
export const MIGRATIONS: Record<number, Migration> = {
  // Version 0: documents written before the schema version existed.
  0: (doc) => ({ ...emptyConfig(), ...doc, schemaVersion: 1 }),
  1: toVersion2,
  // Version 3 moved closed conversations' messages to history segments; the configuration is as it
  // was. The number still moves, so that an earlier version refuses a folder whose transcripts it
  // would not find (it does not know the segments) instead of showing them empty.
  2: (doc) => ({ ...doc, schemaVersion: 3 }),
};

/** Brings a stored configuration document to SCHEMA_VERSION, or refuses a newer one. */
export function migrateConfig(raw: unknown, note: (message: string) => void = () => {}): ConfigDoc {
  if (raw === null || typeof raw !== 'object') return emptyConfig();
  let doc = raw as Record<string, unknown>;
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 0;
  if (version > SCHEMA_VERSION)
    throw new Error(
      `The data was written by a newer version (schema ${version}; this one reads up to ${SCHEMA_VERSION}).`,
    );
  while (version < SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`No migration from schema version ${version}.`);
    doc = step(doc, note);
    version = doc.schemaVersion as number;
  }
  return doc as unknown as ConfigDoc;
}
