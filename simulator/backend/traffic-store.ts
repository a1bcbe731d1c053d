// Where the fake's traffic (messages, statuses, handsets' threads) is kept: memory, or a JSON-lines journal.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { JsonLinesWriter, readJsonLines, rewriteJsonLines } from '../../lib/json-lines';
import type { HandsetLimits } from './handsets';
import { compactRecords, compactSize, foldTraffic, type TrafficState } from './traffic-restore';
import { type TrafficRecord, trafficRecordSchema } from './traffic-schema';

export interface TrafficStore {
  readonly kind: 'memory' | 'file';
  /** Opens the store and returns what it holds; the oldest messages beyond `capacity` are dropped. */
  load(capacity: number, limits?: HandsetLimits): Promise<TrafficState>;
  /** Records one change; never waits (a file store writes it through one stream, in order). */
  append(record: TrafficRecord): void;
  /** Resolves once everything appended so far is handed to the operating system. */
  flush(): Promise<void>;
  /**
   * Resolves once everything appended so far is written (on the disk with `fsync`); rejects when it
   * cannot be. A send is answered only after this: an acknowledged message is never lost.
   */
  committed(): Promise<void>;
  /** Forgets everything stored (`POST /_sim/reset`). */
  clear(): Promise<void>;
  close(): Promise<void>;
  /** Problems met while loading (unreadable or invalid lines), oldest first. */
  readonly warnings: readonly string[];
}

const DONE: Promise<void> = Promise.resolve();
const EMPTY: TrafficState = { messages: [], handsets: [], lastCallbackId: 0, callbacks: [] };

/** Keeps nothing: the simulator's own maps are the only copy. */
export function createMemoryTraffic(): TrafficStore {
  return {
    kind: 'memory',
    load: async () => EMPTY,
    append: () => {},
    flush: async () => {},
    committed: () => DONE,
    clear: async () => {},
    close: async () => {},
    warnings: [],
  };
}

export interface FileTrafficOptions {
  /** Rewrite the journal compactly on load when it holds this many times the lines it needs (default 2). */
  compactRatio?: number;
  /** …and at least this many lines (default 10 000): small journals load fast as they are. */
  compactMinLines?: number;
  /** Sync each batch of lines to the disk before a send is answered (`--fsync`); default off. */
  fsync?: boolean;
  warn?: (message: string) => void;
}

/**
 * An append-only journal at `path`, one line per change, replayed on load. Appending costs the same
 * at any size; the journal is rewritten compactly at load once it is mostly superseded lines.
 */
export function createFileTraffic(path: string, options: FileTrafficOptions = {}): TrafficStore {
  const ratio = options.compactRatio ?? 2;
  const minLines = options.compactMinLines ?? 10_000;
  const sync = { fsync: options.fsync ?? false };
  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    options.warn?.(message);
  };
  let writer: JsonLinesWriter | undefined;

  return {
    kind: 'file',
    warnings,
    async load(capacity, limits) {
      await writer?.close();
      await mkdir(dirname(path), { recursive: true });
      const lines = await readJsonLines(path, warn);
      const records: TrafficRecord[] = [];
      lines.forEach((line, index) => {
        const parsed = trafficRecordSchema.safeParse(line);
        if (parsed.success) records.push(parsed.data);
        else {
          const issue = parsed.error.issues[0];
          warn(
            `${path}: skipped line ${index + 1}: ${issue ? `${issue.path.join('.') || 'line'} ${issue.message}` : 'invalid'}`,
          );
        }
      });
      const state = foldTraffic(records, capacity, limits);
      if (lines.length >= minLines && lines.length > ratio * compactSize(state)) {
        await rewriteJsonLines(path, compactRecords(state), sync);
      }
      writer = new JsonLinesWriter(
        path,
        (error) => warn(`${path}: cannot write (${error.message}); later changes are not kept`),
        sync,
      );
      return state;
    },
    append(record) {
      writer?.append(record);
    },
    flush: async () => {
      await writer?.flush();
      if (writer?.failure) throw writer.failure;
    },
    committed: () => writer?.committed() ?? DONE,
    clear: async () => {
      await writer?.clear();
    },
    async close() {
      const open = writer;
      writer = undefined;
      await open?.close();
    },
  };
}
