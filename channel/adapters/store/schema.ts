// The stored shapes of the channel and their numbered migrations, applied on read.
import type {
  Agent,
  Contact,
  Conversation,
  InboundEvent,
  Message,
  Queue,
  WorkStream,
} from '../../domain/model';

export const SCHEMA_VERSION = 1;

export interface Organisation {
  id: string;
  /** The random part of the TeleSign inbound URL (R-WS-4). */
  token: string;
}

/** Configuration and small state: kept in one lowdb JSON document. */
export interface ConfigDoc {
  schemaVersion: number;
  organisation: Organisation | null;
  workStreams: WorkStream[];
  queues: Queue[];
  contacts: Contact[];
  agents: Agent[];
}

/** The first line of `records.jsonl`; the records follow, one per line, as in the journal. */
export interface SnapshotHeader {
  schemaVersion: number;
  /** Every journal generation up to and including this one is folded into the snapshot. */
  coversGeneration: number;
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
  | { t: 'conversation'; v: Conversation }
  | { t: 'message'; v: Message }
  | { t: 'inbound'; v: InboundEvent };

export function emptyConfig(): ConfigDoc {
  return {
    schemaVersion: SCHEMA_VERSION,
    organisation: null,
    workStreams: [],
    queues: [],
    contacts: [],
    agents: [],
  };
}

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n document into version n+1. */
export const MIGRATIONS: Record<number, Migration> = {
  // Version 0: documents written before the schema version existed.
  0: (doc) => ({ ...emptyConfig(), ...doc, schemaVersion: 1 }),
};

/** Brings a stored configuration document to SCHEMA_VERSION, or refuses a newer one. */
export function migrateConfig(raw: unknown): ConfigDoc {
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
    doc = step(doc);
    version = doc.schemaVersion as number;
  }
  return doc as unknown as ConfigDoc;
}
