// Where the fake's request/callback journal is kept beyond memory: nowhere, or two rotating JSON-lines files.
import { renameSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { eachJsonLine, JsonLinesWriter } from '../../lib/json-lines';
import type { JournalEntry, JournalSink } from './journal';
import { journalEntrySchema } from './journal-schema';

export interface JournalStore extends JournalSink {
  readonly kind: 'memory' | 'file';
  /** Opens the store and returns the newest `capacity` entries it holds, oldest first. */
  load(capacity: number): Promise<JournalEntry[]>;
  /** Resolves once everything appended so far is written. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Keeps nothing: the journal lives for the run. */
export function createMemoryJournalStore(): JournalStore {
  return {
    kind: 'memory',
    load: async () => [],
    append: () => {},
    clear: () => {},
    flush: async () => {},
    close: async () => {},
  };
}

export interface FileJournalOptions {
  warn?: (message: string) => void;
}

/**
 * The journal at `path`, appended one line per entry (group-committed, never awaited by a request;
 * the lines are written a tick later, off the request's path). Once `path` holds `capacity` lines it
 * becomes `<path>.1` (replacing the one before) and a new file starts: the disk holds at most
 * 2 × capacity entries, loading reads the newest `capacity`, and nothing is ever rewritten.
 */
export function createFileJournalStore(
  path: string,
  options: FileJournalOptions = {},
): JournalStore {
  const previous = path.replace(/\.jsonl$/, '.1.jsonl');
  const warn = (message: string): void => options.warn?.(message);
  let writer: JsonLinesWriter | undefined;
  let capacity = 10_000;
  let lines = 0;
  let queued: JournalEntry[] = [];
  let scheduled = false;
  /** Writers replaced by a rotation, still writing their last lines into `<path>.1`. */
  let retiring: Promise<void>[] = [];
  /** Waits until the rotated-out writers have written what they held (flush, close, load). */
  const retired = async (): Promise<void> => {
    const waiting = retiring;
    retiring = [];
    await Promise.all(waiting);
  };
  const open = (): JsonLinesWriter =>
    new JsonLinesWriter(path, (error) =>
      warn(`${path}: cannot write (${error.message}); later journal entries are not kept`),
    );

  const rotate = (): void => {
    const old = writer;
    try {
      renameSync(path, previous);
    } catch (error) {
      warn(`${path}: cannot rotate (${(error as Error).message})`);
      return;
    }
    // Lines still queued in the old writer land in the renamed file, which is read first: a flush,
    // a close and a load wait for them (a restart read `<path>.1` before they were written).
    writer = open();
    lines = 0;
    if (old) retiring.push(old.close().catch(() => undefined));
  };
  const write = (): void => {
    scheduled = false;
    const batch = queued;
    queued = [];
    for (const entry of batch) {
      if (lines >= capacity) rotate();
      writer?.append(entry);
      lines++;
    }
  };

  return {
    kind: 'file',
    async load(keep) {
      capacity = Math.max(1, keep);
      await writer?.close();
      await retired();
      await mkdir(dirname(path), { recursive: true });
      const newest: JournalEntry[] = [];
      const read = async (file: string): Promise<number> => {
        let index = 0;
        return eachJsonLine(file, warn, (value) => {
          index++;
          const parsed = journalEntrySchema.safeParse(value);
          if (!parsed.success) {
            warn(`${file}: skipped journal line ${index}: ${parsed.error.issues[0]?.message}`);
            return;
          }
          newest.push(parsed.data);
          if (newest.length > 2 * capacity) newest.splice(0, newest.length - capacity);
        });
      };
      await read(previous);
      lines = await read(path);
      writer = open();
      return newest.slice(-capacity);
    },
    append(entry) {
      queued.push(entry);
      if (!scheduled) {
        scheduled = true;
        setImmediate(write);
      }
    },
    clear() {
      queued = [];
      lines = 0;
      void writer?.clear();
      void rm(previous, { force: true });
    },
    async flush() {
      write();
      await Promise.all([writer?.flush(), retired()]);
    },
    async close() {
      write();
      const last = writer;
      writer = undefined;
      await Promise.all([last?.close(), retired()]);
    },
  };
}
