// Closed conversations on disk: numbered segments written at compaction; each keeps in memory a
// key index (by id) and columns of what the lists filter on (time, creation order, key hashes:
// 61 bytes a conversation), so a page reads from disk only the conversations it shows.
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Conversation } from '../../domain/model';
import type { ConversationFilter, StoredConversation } from '../../service/channel-store';
import {
  type Columns,
  columnBytes,
  decodeColumns,
  FIELDS,
  HEADER_BYTES,
  layout,
  MAGIC,
  type Placed,
  writeRows,
} from './conversation-columns';
import { readRange, removeUnnamedSegments, replaceFile } from './history';
import {
  candidates,
  decodeKeyIndex,
  encodeKeyIndex,
  type KeyIndex,
  KeyIndexBuilder,
  keyHash,
} from './history-keys';

const FILE = /^conversations-(\d+)\.(?:jsonl|keys|columns)(?:\.tmp)?$/;

export function conversationMatches(c: Conversation, f: ConversationFilter): boolean {
  return (
    (f.state === undefined || c.state === f.state) &&
    FIELDS.every((field) => f[field] === undefined || c[field] === f[field]) &&
    (f.since === undefined || c.createdAt >= f.since) &&
    (f.until === undefined || c.createdAt < f.until)
  );
}

interface ConversationSegment {
  readonly number: number;
  readonly path: string;
  readonly keys: KeyIndex;
  readonly columns: Columns;
  /** Rows a later segment holds a newer version of. */
  readonly dead: Uint8Array;
  /** Rows of earlier segments this one supersedes: [segment, row] pairs. */
  readonly supersedes: Array<[number, number]>;
}

export function conversationSegmentPath(
  folder: string,
  n: number,
  extension: 'jsonl' | 'keys' | 'columns',
): string {
  return join(folder, `conversations-${String(n).padStart(6, '0')}.${extension}`);
}

/** The closed conversations of one data folder: segments 1…count, oldest first. */
export class ConversationLog {
  readonly folder: string;
  readonly #fsync: boolean;
  #segments: ConversationSegment[] = [];

  constructor(folder: string, options: { fsync?: boolean } = {}) {
    this.folder = folder;
    this.#fsync = options.fsync ?? false;
  }

  get count(): number {
    return this.#segments.length;
  }

  /** Loads segments 1…count; deletes later or half-written ones (as `History.load`). */
  async load(count: number): Promise<void> {
    await removeUnnamedSegments(this.folder, FILE, count);
    this.#segments = [];
    for (let n = 1; n <= count; n++) {
      const path = conversationSegmentPath(this.folder, n, 'jsonl');
      try {
        await access(path);
        const keys = decodeKeyIndex(
          await readFile(conversationSegmentPath(this.folder, n, 'keys')),
        );
        const { columns, supersedes } = decodeColumns(
          await readFile(conversationSegmentPath(this.folder, n, 'columns')),
        );
        this.add({
          number: n,
          path,
          keys,
          columns,
          supersedes,
          dead: new Uint8Array(columns.seq.length),
        });
      } catch (error) {
        throw new Error(
          `Conversations segment ${n} named by records.jsonl cannot be read (${String(error)}): the data folder is damaged; the closed conversations it holds would be lost, so the channel does not start.`,
        );
      }
    }
  }

  /** The newest stored version of a conversation, with where it is. */
  find(id: string): { conversation: Conversation; seq: number; at: [number, number] } | undefined {
    for (let s = this.#segments.length - 1; s >= 0; s--) {
      const segment = this.#segments[s] as ConversationSegment;
      for (const range of candidates(segment.keys, id, 'message')) {
        const row = this.#row(segment, range.offset);
        if (row < 0 || segment.dead[row]) continue;
        const conversation = JSON.parse(readRange(segment.path, range.offset, range.length));
        if ((conversation as Conversation).id === id)
          return {
            conversation: conversation as Conversation,
            seq: segment.columns.seq[row] ?? 0,
            at: [segment.number, row],
          };
      }
    }
    return undefined;
  }

  #row(segment: ConversationSegment, offset: number): number {
    const { offsets } = segment.columns;
    let low = 0;
    let high = offsets.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const at = offsets[mid] ?? 0;
      if (at === offset) return mid;
      if (at < offset) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  /** Writes the next segment; `supersedes` names the rows it holds newer versions of. */
  async write(placed: Placed[], supersedes: Array<[number, number]>): Promise<ConversationSegment> {
    const n = this.#segments.length + 1;
    const path = conversationSegmentPath(this.folder, n, 'jsonl');
    const bytes = new ArrayBuffer(columnBytes(placed.length, supersedes.length));
    new Uint32Array(bytes, 0, 3).set([MAGIC, placed.length, supersedes.length]);
    new Uint32Array(bytes, HEADER_BYTES + 4, supersedes.length * 2).set(supersedes.flat());
    const columns = layout(bytes, placed.length, supersedes.length);
    const keys = new KeyIndexBuilder();
    await replaceFile(
      path,
      (temporary) => writeRows(temporary, placed, columns, keys),
      this.#fsync,
    );
    const index = keys.build();
    const write = (extension: 'keys' | 'columns', data: Buffer) =>
      replaceFile(
        conversationSegmentPath(this.folder, n, extension),
        (temporary) => writeFile(temporary, data),
        this.#fsync,
      );
    await write('keys', encodeKeyIndex(index));
    await write('columns', Buffer.from(bytes));
    return {
      number: n,
      path,
      keys: index,
      columns,
      supersedes,
      dead: new Uint8Array(placed.length),
    };
  }

  add(segment: ConversationSegment): void {
    this.#segments.push(segment);
    for (const [number, row] of segment.supersedes) {
      const older = this.#segments[number - 1];
      if (older && row < older.dead.length) older.dead[row] = 1;
    }
  }

  /**
   * The stored conversations that pass the filter (all are Closed), skipping those `held` says
   * memory has a newer version of; each is read from disk only when asked, unless a hashed field
   * matched and the record must say whether it really does.
   */
  *matching(
    f: ConversationFilter,
    held: (id: string) => boolean,
    heldHashes: Set<number>,
  ): Generator<StoredConversation> {
    if (f.state !== undefined && f.state !== 'closed') return;
    const wanted = FIELDS.map((field) => {
      const value = f[field];
      return value === undefined ? -1 : keyHash(value);
    });
    const byKey = wanted.some((h) => h !== -1);
    for (const { columns, dead, path } of this.#segments) {
      rows: for (let i = 0; i < columns.seq.length; i++) {
        if (dead[i]) continue;
        const createdAt = columns.createdAt[i] ?? 0;
        if (f.since !== undefined && createdAt < f.since) continue;
        if (f.until !== undefined && createdAt >= f.until) continue;
        const present = columns.present[i] ?? 0;
        for (let k = 0; k < wanted.length; k++) {
          const hash = wanted[k] ?? -1;
          if (hash === -1) continue;
          if (!(present & (1 << k)) || columns.hashes[k]?.[i] !== hash) continue rows;
        }
        const offset = columns.offsets[i] ?? 0;
        const length = columns.lengths[i] ?? 0;
        const read = () => JSON.parse(readRange(path, offset, length)) as Conversation;
        const seq = columns.seq[i] ?? 0;
        if (byKey || heldHashes.has(columns.ids[i] ?? 0)) {
          const conversation = read();
          if (held(conversation.id) || !conversationMatches(conversation, f)) continue;
          yield { seq, createdAt, conversation: () => conversation };
        } else yield { seq, createdAt, conversation: read };
      }
    }
  }
}
