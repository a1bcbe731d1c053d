// Closed conversations' messages on disk: numbered segments written at compaction, each with a key
// index held in memory; transcripts and reference lookups read just their byte ranges, on demand.
import { closeSync, openSync, readSync } from 'node:fs';
import { access, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { syncPath } from '../../../lib/sync-path';
import type { Message } from '../../domain/model';
import {
  candidates,
  decodeKeyIndex,
  encodeKeyIndex,
  type KeyIndex,
  KeyIndexBuilder,
} from './history-keys';
import { LinesWriter } from './lines-writer';

const FILE = /^history-(\d+)\.(?:jsonl|keys)(?:\.tmp)?$/;

export function segmentPath(folder: string, number: number, extension: 'jsonl' | 'keys'): string {
  return join(folder, `history-${String(number).padStart(6, '0')}.${extension}`);
}

export interface Segment {
  readonly number: number;
  readonly path: string;
  readonly keys: KeyIndex;
}

/**
 * Deletes the files of segments after `count`, and half-written (`.tmp`) ones: a compaction that
 * did not finish left them, and the snapshot of before still holds their records. `pattern`
 * captures a file's segment number.
 */
export async function removeUnnamedSegments(
  folder: string,
  pattern: RegExp,
  count: number,
): Promise<void> {
  for (const name of await readdir(folder)) {
    const match = pattern.exec(name);
    if (match && (Number(match[1]) > count || name.endsWith('.tmp')))
      await unlink(join(folder, name)).catch(() => undefined);
  }
}

/** Reads `length` bytes at `offset`, synchronously: one short positional read from the page cache. */
export function readRange(path: string, offset: number, length: number): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const n = readSync(fd, buffer, read, length - read, offset + read);
      if (n === 0) break;
      read += n;
    }
    return buffer.toString('utf8', 0, read);
  } finally {
    closeSync(fd);
  }
}

export async function replaceFile(
  path: string,
  write: (temporary: string) => Promise<void>,
  fsync: boolean,
) {
  const temporary = `${path}.tmp`;
  await write(temporary);
  // With --fsync the segment is on the disk before the snapshot naming it replaces the journal.
  if (fsync) await syncPath(temporary);
  await rename(temporary, path);
  if (fsync) await syncPath(dirname(path));
}

/** Writes the messages, conversation after conversation, one per line; returns their key index. */
async function writeLines(path: string, groups: Iterable<[string, Message[]]>): Promise<KeyIndex> {
  const keys = new KeyIndexBuilder();
  const file = new LinesWriter(path);
  for (const [conversationId, messages] of groups) {
    const start = file.offset;
    for (const message of messages) {
      const { offset, length } = file.add(message);
      // By id only outbound messages: a delivery report may name one by its external_id before
      // its reference is known. An inbound SMS is found by its TeleSign reference.
      if (message.direction === 'outbound' || !message.telesignReferenceId)
        keys.add(message.id, 'message', offset, length);
      if (message.telesignReferenceId)
        keys.add(message.telesignReferenceId, 'message', offset, length);
    }
    keys.add(conversationId, 'conversation', start, file.offset - start);
    await file.flushIfFull();
  }
  await file.close();
  return keys.build();
}

/** The history of one data folder: segments 1…count, oldest first. */
export class History {
  readonly folder: string;
  readonly #fsync: boolean;
  #segments: Segment[] = [];

  /** `fsync`: segments are synced to the disk before they are named (see StoreOptions.fsync). */
  constructor(folder: string, options: { fsync?: boolean } = {}) {
    this.folder = folder;
    this.#fsync = options.fsync ?? false;
  }

  /** How many segments the history holds (the snapshot header names this count). */
  get count(): number {
    return this.#segments.length;
  }

  /**
   * Loads the key indexes of segments 1…count. Files of a later segment (or half-written ones) are
   * left by a compaction that did not finish: the snapshot of before still holds their messages,
   * so they are deleted.
   */
  async load(count: number): Promise<void> {
    await removeUnnamedSegments(this.folder, FILE, count);
    const segments: Segment[] = [];
    for (let number = 1; number <= count; number++) {
      const path = segmentPath(this.folder, number, 'jsonl');
      const keysPath = segmentPath(this.folder, number, 'keys');
      try {
        await access(path);
        segments.push({ number, path, keys: decodeKeyIndex(await readFile(keysPath)) });
      } catch (error) {
        throw new Error(
          `History segment ${number} named by records.jsonl cannot be read (${String(error)}): the data folder is damaged; its transcripts of closed conversations would be lost, so the channel does not start.`,
        );
      }
    }
    this.#segments = segments;
  }

  /** Writes the next segment (messages grouped by conversation); `add` makes it part of the history. */
  async write(groups: Iterable<[string, Message[]]>): Promise<Segment> {
    const number = this.#segments.length + 1;
    const path = segmentPath(this.folder, number, 'jsonl');
    let keys: KeyIndex | undefined;
    await replaceFile(
      path,
      async (temporary) => {
        keys = await writeLines(temporary, groups);
      },
      this.#fsync,
    );
    const written = keys as KeyIndex;
    await replaceFile(
      segmentPath(this.folder, number, 'keys'),
      (temporary) => writeFile(temporary, encodeKeyIndex(written)),
      this.#fsync,
    );
    return { number, path, keys: written };
  }

  add(segment: Segment): void {
    if (segment.number !== this.#segments.length + 1)
      throw new Error(`History segment ${segment.number} added out of order.`);
    this.#segments.push(segment);
  }

  /** The conversation's stored messages, oldest segment first, in the order they were written. */
  transcript(conversationId: string): Message[] {
    const messages: Message[] = [];
    for (const segment of this.#segments) {
      for (const range of candidates(segment.keys, conversationId, 'conversation')) {
        const lines = readRange(segment.path, range.offset, range.length).split('\n');
        const parsed = lines.filter((l) => l !== '').map((l) => JSON.parse(l) as Message);
        // Another conversation whose id hashes alike: its messages name it, not this one.
        if (parsed[0]?.conversationId === conversationId) messages.push(...parsed);
      }
    }
    return messages;
  }

  /** The newest stored version of the message whose id or TeleSign reference is `key`. */
  find(key: string, by: 'id' | 'reference'): Message | undefined {
    for (let s = this.#segments.length - 1; s >= 0; s--) {
      const segment = this.#segments[s] as Segment;
      const ranges = candidates(segment.keys, key, 'message');
      for (let r = ranges.length - 1; r >= 0; r--) {
        const range = ranges[r] as { offset: number; length: number };
        const message = JSON.parse(readRange(segment.path, range.offset, range.length)) as Message;
        if ((by === 'id' ? message.id : message.telesignReferenceId) === key) return message;
      }
    }
    return undefined;
  }
}
