// The channel's persistence: lowdb for configuration, a journal plus snapshots for the message stream.
import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type Adapter, Low, Memory } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { eachJsonLine, rewriteJsonLines } from '../../../lib/json-lines';
import type { InboundEvent, Message } from '../../domain/model';
import type { ChannelStore, StoreState } from '../../service/channel-store';
import { JournalWriter, journalGenerations, journalPath, removeJournal } from './journal';
import {
  type ConfigDoc,
  emptyConfig,
  type JournalRecord,
  migrateConfig,
  type RecordsSnapshot,
  SCHEMA_VERSION,
  type SnapshotHeader,
} from './schema';

export type { ChannelStore, StoreState } from '../../service/channel-store';

export interface StoreOptions {
  /** Data folder; without it everything stays in memory (tests, throwaway runs). */
  folder?: string | undefined;
  /** Journal records between compactions while running (default: never, so no write ever pays for one). */
  compactEvery?: number;
  /** Compact at load when the journal holds at least this many records (default 10 000). */
  compactOnLoadAfter?: number;
  warn?: (message: string) => void;
}

function emptyState(config: ConfigDoc): StoreState {
  return {
    config,
    conversations: new Map(),
    messages: new Map(),
    messagesByConversation: new Map(),
    inboundEvents: [],
  };
}

function applyRecord(state: StoreState, record: JournalRecord): void {
  if (record.t === 'conversation') state.conversations.set(record.v.id, record.v);
  else if (record.t === 'message') indexMessage(state, record.v);
  else state.inboundEvents.push(storedInboundEvent(record.v));
}

/** Inbound events written before delivery reports were kept carry no kind: all of them were SMS. */
function storedInboundEvent(event: InboundEvent): InboundEvent {
  return event.kind ? event : { ...event, kind: 'sms' };
}

function indexMessage(state: StoreState, message: Message): void {
  if (!state.messages.has(message.id)) {
    const list = state.messagesByConversation.get(message.conversationId);
    if (list) list.push(message.id);
    else state.messagesByConversation.set(message.conversationId, [message.id]);
  }
  state.messages.set(message.id, message);
}

function refuseNewer(version: number, file: string): void {
  if (version > SCHEMA_VERSION)
    throw new Error(
      `${file} was written by a newer version (schema ${version}; this one reads up to ${SCHEMA_VERSION}).`,
    );
}

/**
 * Reads `records.jsonl` (a header line, then one record per line) into `state`; returns the
 * journal generation it covers, or null when there is no such snapshot.
 */
async function readSnapshot(
  path: string,
  state: StoreState,
  warn: (message: string) => void,
): Promise<number | null> {
  let header: SnapshotHeader | undefined;
  await eachJsonLine(path, warn, (line) => {
    if (header) applyRecord(state, line as JournalRecord);
    else {
      header = line as SnapshotHeader;
      refuseNewer(header.schemaVersion, 'records.jsonl');
    }
  });
  return header ? header.coversGeneration : null;
}

/**
 * The snapshot's lines: the header, then every conversation, message and inbound event. Lazy, and
 * over the records present when called (a record saved meanwhile is also in the new journal, and
 * replay keeps the last version of each, so either order is right).
 */
function* snapshotLines(
  state: StoreState,
  coversGeneration: number,
): Generator<SnapshotHeader | JournalRecord> {
  yield { schemaVersion: SCHEMA_VERSION, coversGeneration };
  for (const v of [...state.conversations.values()]) yield { t: 'conversation', v };
  for (const v of [...state.messages.values()]) yield { t: 'message', v };
  for (const v of [...state.inboundEvents]) yield { t: 'inbound', v };
}

/** Creates the store: in a folder (`channel.json`, `records.jsonl`, `journal-*.jsonl`) or in memory. */
export function createStore(options: StoreOptions = {}): ChannelStore {
  const folder = options.folder;
  const compactEvery = options.compactEvery ?? Number.POSITIVE_INFINITY;
  const compactOnLoadAfter = options.compactOnLoadAfter ?? 10_000;
  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    (options.warn ?? ((m: string) => console.warn(`[channel store] ${m}`)))(message);
  };
  const configAdapter: Adapter<ConfigDoc> = folder
    ? new JSONFile<ConfigDoc>(join(folder, 'channel.json'))
    : new Memory<ConfigDoc>();
  // Snapshots are JSON lines (`records.jsonl`), streamed both ways: never one string, whatever the
  // history's size. `records.json` is the one-document snapshot of earlier versions, still read.
  const snapshotPath = folder ? join(folder, 'records.jsonl') : undefined;
  const legacySnapshot = folder
    ? new JSONFile<RecordsSnapshot>(join(folder, 'records.json'))
    : undefined;
  const db = new Low<ConfigDoc>(configAdapter, emptyConfig());
  let state: StoreState | undefined;
  let loading: Promise<StoreState> | undefined;
  let writer: JournalWriter | undefined;
  let sinceCompaction = 0;
  let compacting: Promise<void> | undefined;

  const load = async (): Promise<StoreState> => {
    if (folder) await mkdir(folder, { recursive: true });
    await db.read();
    db.data = migrateConfig(db.data, warn);
    const loaded = emptyState(db.data);
    if (!folder || !snapshotPath || !legacySnapshot) return loaded;
    let covered = await readSnapshot(snapshotPath, loaded, warn);
    if (covered === null) {
      const snapshot = await legacySnapshot.read().catch((error: unknown) => {
        warn(`records.json could not be read (${String(error)}); starting from the journal only`);
        return null;
      });
      covered = -1;
      if (snapshot) {
        refuseNewer(snapshot.schemaVersion, 'records.json');
        covered = snapshot.coversGeneration;
        for (const c of snapshot.conversations) loaded.conversations.set(c.id, c);
        for (const m of snapshot.messages) indexMessage(loaded, m);
        for (const e of snapshot.inboundEvents) loaded.inboundEvents.push(storedInboundEvent(e));
      }
    }
    const generations = (await journalGenerations(folder)).filter((g) => g > covered);
    for (const generation of generations) {
      sinceCompaction += await eachJsonLine(journalPath(folder, generation), warn, (record) =>
        applyRecord(loaded, record as JournalRecord),
      );
    }
    writer = new JournalWriter(folder, Math.max(covered + 1, ...generations));
    return loaded;
  };

  const compact = async (): Promise<void> => {
    if (!folder || !snapshotPath || !state || !writer) return;
    if (compacting) return compacting;
    const previous = writer;
    // Switch generations first, so records appended while the snapshot is written land in the new journal.
    writer = new JournalWriter(folder, previous.generation + 1);
    sinceCompaction = 0;
    // The records as they are now; the snapshot streams them out without copying the history.
    const lines = snapshotLines(state, previous.generation);
    compacting = (async () => {
      await previous.close();
      await rewriteJsonLines(snapshotPath, lines);
      await unlink(join(folder, 'records.json')).catch(() => undefined);
      for (const generation of await journalGenerations(folder))
        if (generation <= previous.generation) await removeJournal(journalPath(folder, generation));
    })().finally(() => {
      compacting = undefined;
    });
    return compacting;
  };

  const append = async (record: JournalRecord): Promise<void> => {
    if (!writer) return;
    await writer.append(record);
    if (++sinceCompaction >= compactEvery)
      void compact().catch((error: unknown) => warn(`compaction failed: ${String(error)}`));
  };

  const ready = (): StoreState => {
    if (!state) throw new Error('The store is not loaded: call load() first.');
    return state;
  };

  return {
    kind: folder ? 'folder' : 'memory',
    warnings,
    load() {
      loading ??= load().then(async (loaded) => {
        state = loaded;
        if (sinceCompaction >= compactOnLoadAfter) await compact();
        return loaded;
      });
      return loading;
    },
    async saveConfig() {
      ready();
      await db.write();
    },
    saveConversation(conversation) {
      ready().conversations.set(conversation.id, conversation);
      return append({ t: 'conversation', v: conversation });
    },
    saveMessage(message) {
      indexMessage(ready(), message);
      return append({ t: 'message', v: message });
    },
    saveInboundEvent(event) {
      ready().inboundEvents.push(event);
      return append({ t: 'inbound', v: event });
    },
    state: ready,
    compact,
    async close() {
      if (compacting) await compacting;
      if (state) await db.write();
      await writer?.close();
      writer = undefined;
    },
  };
}
