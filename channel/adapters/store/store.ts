// The channel's persistence: lowdb for configuration, a journal plus a live snapshot for the
// message stream, and closed conversations' messages in history segments read on demand.
import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type Adapter, Low, Memory } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { eachJsonLine, rewriteJsonLines } from '../../../lib/json-lines';
import type { Conversation, InboundEvent, Message } from '../../domain/model';
import type { ChannelStore } from '../../service/channel-store';
import { ConversationLog, conversationMatches } from './conversation-log';
import { EventLog, eventMatches } from './event-log';
import { History } from './history';
import { keyHash } from './history-keys';
import { JournalWriter, journalGenerations, journalPath, removeJournal } from './journal';
import {
  applyRecord,
  closedGroups,
  emptyHeld,
  type Held,
  holdConversation,
  holdMessage,
  readLegacySnapshot,
  readSnapshot,
  releaseConversations,
  releaseMessages,
  snapshotLines,
} from './records';
import {
  type ConfigDoc,
  emptyConfig,
  type JournalRecord,
  migrateConfig,
  type RecordsSnapshot,
  SCHEMA_VERSION,
} from './schema';

export type { ChannelStore, StoreState } from '../../service/channel-store';

export interface StoreOptions {
  /** Data folder; without it everything stays in memory (tests, throwaway runs). */
  folder?: string | undefined;
  /** Journal records between compactions while running (default: never, so no write ever pays for one). */
  compactEvery?: number;
  /** Compact at load when the journal holds at least this many records (default 10 000). */
  compactOnLoadAfter?: number;
  /**
   * Sync each journal batch to the disk before a save resolves (and the snapshot before it replaces
   * the journal): survives a power cut, at the cost of a disk flush per batch. Default off.
   */
  fsync?: boolean;
  warn?: (message: string) => void;
}

/** Creates the store: in a folder (`channel.json`, `records.jsonl`, journals, history) or in memory. */
export function createStore(options: StoreOptions = {}): ChannelStore {
  const folder = options.folder;
  const compactEvery = options.compactEvery ?? Number.POSITIVE_INFINITY;
  const compactOnLoadAfter = options.compactOnLoadAfter ?? 10_000;
  const sync = { fsync: options.fsync ?? false };
  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    (options.warn ?? ((m: string) => console.warn(`[channel store] ${m}`)))(message);
  };
  // lowdb keeps what it suits: the configuration, one small document written whole and atomically.
  const configAdapter: Adapter<ConfigDoc> = folder
    ? new JSONFile<ConfigDoc>(join(folder, 'channel.json'))
    : new Memory<ConfigDoc>();
  const snapshotPath = folder ? join(folder, 'records.jsonl') : undefined;
  const history = folder ? new History(folder, sync) : undefined;
  const events = folder ? new EventLog(folder, sync) : undefined;
  const closed = folder ? new ConversationLog(folder, sync) : undefined;
  const db = new Low<ConfigDoc>(configAdapter, emptyConfig());
  let held: Held | undefined;
  let loading: Promise<Held> | undefined;
  let writer: JournalWriter | undefined;
  let sinceCompaction = 0;
  /** Messages were read from a snapshot written before history segments: move them out once. */
  let beforeSegments = false;
  let compacting: Promise<void> | undefined;

  const load = async (): Promise<Held> => {
    if (folder) await mkdir(folder, { recursive: true });
    await db.read();
    db.data = migrateConfig(db.data, warn);
    const loaded = emptyHeld(db.data, (id) => closed?.find(id)?.seq);
    if (!folder || !snapshotPath || !history || !events || !closed) return loaded;
    const header = await readSnapshot(snapshotPath, loaded, warn);
    let covered = header?.coversGeneration ?? null;
    if (covered === null)
      covered = await readLegacySnapshot(
        new JSONFile<RecordsSnapshot>(join(folder, 'records.json')),
        loaded,
        warn,
      );
    await history.load(header?.historySegments ?? 0);
    await events.load(header?.eventSegments ?? 0);
    await closed.load(header?.conversationSegments ?? 0);
    beforeSegments =
      (header?.historySegments === undefined && loaded.state.messages.size > 0) ||
      (header?.eventSegments === undefined && loaded.state.inboundEvents.length > 0) ||
      (header?.conversationSegments === undefined && loaded.state.conversations.size > 0);
    const generations = (await journalGenerations(folder)).filter((g) => g > (covered ?? -1));
    for (const generation of generations) {
      sinceCompaction += await eachJsonLine(journalPath(folder, generation), warn, (record) =>
        applyRecord(loaded, record as JournalRecord),
      );
    }
    writer = new JournalWriter(folder, Math.max(covered + 1, ...generations), sync);
    return loaded;
  };

  const compact = async (): Promise<void> => {
    if (!folder || !snapshotPath || !history || !events || !closed || !held || !writer) return;
    if (compacting) return compacting;
    const current = held;
    const previous = writer;
    // Switch generations first, so records appended while the snapshot is written land in the new journal.
    writer = new JournalWriter(folder, previous.generation + 1, sync);
    sinceCompaction = 0;
    // Chosen now: a conversation closed meanwhile waits for the next compaction.
    const moving = closedGroups(current, conversationOf);
    const received = current.state.inboundEvents.slice();
    const closing = [...current.state.conversations.values()].filter((c) => c.state === 'closed');
    compacting = (async () => {
      await previous.close();
      // The segment first: until the snapshot naming it replaces the old one, the old snapshot
      // and journals still hold these messages, and a restart deletes the unnamed segment.
      if (moving.length > 0) {
        const segment = await history.write(moving);
        history.add(segment);
        for (const [conversationId, messages] of moving)
          releaseMessages(current, conversationId, messages);
      }
      // Every inbound event received so far: those received meanwhile are in the new journal.
      if (received.length > 0) {
        events.add(await events.write(received));
        current.state.inboundEvents.splice(0, received.length);
      }
      if (closing.length > 0) {
        // A conversation closed, re-opened and closed again is stored twice: the older is superseded.
        const superseded: Array<[number, number]> = [];
        const placed = closing.map((conversation) => {
          const stored = closed.find(conversation.id);
          if (stored) superseded.push(stored.at);
          const seq = current.conversationSeq.get(conversation.id) ?? stored?.seq ?? 0;
          return { seq, conversation };
        });
        closed.add(await closed.write(placed, superseded));
        releaseConversations(current, closing);
      }
      const header = {
        schemaVersion: SCHEMA_VERSION,
        coversGeneration: previous.generation,
        historySegments: history.count,
        eventSegments: events.count,
        conversationSegments: closed.count,
      };
      await rewriteJsonLines(snapshotPath, snapshotLines(current, header), sync);
      beforeSegments = false;
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

  const conversationOf = (id: string): Conversation | undefined =>
    held?.state.conversations.get(id) ?? closed?.find(id)?.conversation;

  const ready = (): Held => {
    if (!held) throw new Error('The store is not loaded: call load() first.');
    return held;
  };

  return {
    kind: folder ? 'folder' : 'memory',
    warnings,
    async load() {
      loading ??= load().then(async (loaded) => {
        held = loaded;
        if (beforeSegments || sinceCompaction >= compactOnLoadAfter) await compact();
        return loaded;
      });
      return (await loading).state;
    },
    async saveConfig() {
      ready();
      await db.write();
    },
    saveConversation(conversation) {
      holdConversation(ready(), conversation);
      return append({ t: 'conversation', v: conversation });
    },
    saveMessage(message) {
      holdMessage(ready(), message);
      return append({ t: 'message', v: message });
    },
    saveInboundEvent(event) {
      ready().state.inboundEvents.push(event);
      return append({ t: 'inbound', v: event });
    },
    state: () => ready().state,
    conversation(id) {
      ready();
      return conversationOf(id);
    },
    *conversations(filter) {
      const current = ready();
      for (const [id, conversation] of current.state.conversations)
        if (conversationMatches(conversation, filter))
          yield {
            seq: current.conversationSeq.get(id) ?? 0,
            createdAt: conversation.createdAt,
            conversation: () => conversation,
          };
      if (!closed) return;
      const heldHashes = new Set([...current.state.conversations.keys()].map(keyHash));
      yield* closed.matching(filter, (id) => current.state.conversations.has(id), heldHashes);
    },
    transcript(conversationId) {
      const { state } = ready();
      // The last version of each message, where it first arrived (a late delivery report on a
      // message in history is held, or in a later segment, as a newer version).
      const byId = new Map<string, Message>();
      for (const message of history?.transcript(conversationId) ?? [])
        byId.set(message.id, message);
      for (const id of state.messagesByConversation.get(conversationId) ?? []) {
        const message = state.messages.get(id);
        if (message) byId.set(id, message);
      }
      return [...byId.values()];
    },
    message(id) {
      return ready().state.messages.get(id) ?? history?.find(id, 'id');
    },
    messageByReference(referenceId) {
      const current = ready();
      const id = current.byReference.get(referenceId);
      const message = id === undefined ? undefined : current.state.messages.get(id);
      return message ?? history?.find(referenceId, 'reference');
    },
    *inboundEvents(filter) {
      const { state } = ready();
      if (events) yield* events.matching(filter);
      const base = events?.stored ?? 0;
      for (let i = 0; i < state.inboundEvents.length; i++) {
        const event = state.inboundEvents[i] as InboundEvent;
        if (eventMatches(event, filter))
          yield { position: base + i, receivedAt: event.receivedAt, event: () => event };
      }
    },
    newestInboundEvents(filter, before = Number.POSITIVE_INFINITY) {
      const held = ready().state.inboundEvents;
      let lastAt = events?.lastAt ?? Number.NEGATIVE_INFINITY;
      for (const event of held) {
        if (event.receivedAt < lastAt) return undefined;
        lastAt = event.receivedAt;
      }
      if (events && !events.ordered) return undefined;
      const base = events?.stored ?? 0;
      return (function* () {
        for (let i = Math.min(held.length, before - base) - 1; i >= 0; i--) {
          const event = held[i] as InboundEvent;
          if (eventMatches(event, filter))
            yield { position: base + i, receivedAt: event.receivedAt, event: () => event };
        }
        if (events) yield* events.matching(filter, { newestFirst: true, before });
      })();
    },
    compact,
    async close() {
      if (compacting) await compacting;
      if (held) await db.write();
      await writer?.close();
      writer = undefined;
    },
  };
}
