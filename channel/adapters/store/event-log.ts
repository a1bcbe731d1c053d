// Inbound events (SMS and delivery reports as received) on disk: numbered segments written at
// compaction, each with columns held in memory (time, kind, outcome, key hashes: 29 bytes an
// event), so a filtered page reads from disk only the events it shows.
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INBOUND_EVENT_KINDS, INBOUND_EVENT_OUTCOMES, type InboundEvent } from '../../domain/model';
import type { InboundEventFilter, StoredInboundEvent } from '../../service/channel-store';
import { readRange, removeUnnamedSegments, replaceFile } from './history';
import { keyHash } from './history-keys';
import { LinesWriter } from './lines-writer';

const FILE = /^events-(\d+)\.(?:jsonl|columns)(?:\.tmp)?$/;
const MAGIC = 0x56455343; // "CSEV"
const HEADER_BYTES = 8;
/** Bytes per event in the columns file and in memory. */
const BYTES_PER_EVENT = 29;
const HAS_CONVERSATION = 0x80;

export function eventSegmentPath(folder: string, n: number, extension: 'jsonl' | 'columns') {
  return join(folder, `events-${String(n).padStart(6, '0')}.${extension}`);
}

interface Columns {
  receivedAt: Float64Array;
  offsets: Float64Array;
  lengths: Uint32Array;
  references: Uint32Array;
  conversations: Uint32Array;
  /** Kind (bit 6), outcome (bits 0–5), and whether the event names a conversation (bit 7). */
  codes: Uint8Array;
}

interface EventSegment {
  readonly path: string;
  readonly columns: Columns;
}

const codeOf = (event: InboundEvent): number =>
  (INBOUND_EVENT_KINDS.indexOf(event.kind) << 6) |
  INBOUND_EVENT_OUTCOMES.indexOf(event.outcome) |
  (event.conversationId ? HAS_CONVERSATION : 0);

function allocate(count: number): { bytes: ArrayBuffer; columns: Columns } {
  const bytes = new ArrayBuffer(HEADER_BYTES + count * BYTES_PER_EVENT);
  let at = HEADER_BYTES;
  const take = <T>(make: (b: ArrayBuffer, o: number, n: number) => T, size: number): T => {
    const view = make(bytes, at, count);
    at += size * count;
    return view;
  };
  const columns: Columns = {
    receivedAt: take((b, o, n) => new Float64Array(b, o, n), 8),
    offsets: take((b, o, n) => new Float64Array(b, o, n), 8),
    lengths: take((b, o, n) => new Uint32Array(b, o, n), 4),
    references: take((b, o, n) => new Uint32Array(b, o, n), 4),
    conversations: take((b, o, n) => new Uint32Array(b, o, n), 4),
    codes: take((b, o, n) => new Uint8Array(b, o, n), 1),
  };
  new Uint32Array(bytes, 0, 2).set([MAGIC, count]);
  return { bytes, columns };
}

function decodeColumns(file: Uint8Array): Columns {
  const copy = new Uint8Array(file).buffer;
  const [magic, count = 0] = copy.byteLength >= HEADER_BYTES ? new Uint32Array(copy, 0, 2) : [];
  if (magic !== MAGIC) throw new Error('not an events columns file');
  if (copy.byteLength !== HEADER_BYTES + count * BYTES_PER_EVENT)
    throw new Error(`holds ${copy.byteLength} bytes, not those of ${count} events`);
  const { bytes, columns } = allocate(count);
  new Uint8Array(bytes).set(new Uint8Array(copy));
  return columns;
}

/** Writes the events one per line, and their columns. */
async function writeSegment(
  path: string,
  columnsPath: string,
  events: InboundEvent[],
  fsync: boolean,
) {
  const { bytes, columns } = allocate(events.length);
  await replaceFile(path, (temporary) => writeLines(temporary, events, columns), fsync);
  await replaceFile(columnsPath, (temporary) => writeFile(temporary, Buffer.from(bytes)), fsync);
  return columns;
}

async function writeLines(temporary: string, events: InboundEvent[], columns: Columns) {
  const file = new LinesWriter(temporary);
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as InboundEvent;
    const { offset, length } = file.add(event);
    columns.receivedAt[i] = event.receivedAt;
    columns.offsets[i] = offset;
    columns.lengths[i] = length;
    columns.references[i] = keyHash(event.referenceId);
    columns.conversations[i] = event.conversationId ? keyHash(event.conversationId) : 0;
    columns.codes[i] = codeOf(event);
    await file.flushIfFull();
  }
  await file.close();
}

/** Whether an event passes the filter, exactly (for held events, and to check a hash match). */
export function eventMatches(e: InboundEvent, f: InboundEventFilter): boolean {
  return (
    (f.kind === undefined || e.kind === f.kind) &&
    (f.outcome === undefined || e.outcome === f.outcome) &&
    (f.referenceId === undefined || e.referenceId === f.referenceId) &&
    (f.conversationId === undefined || e.conversationId === f.conversationId) &&
    (f.since === undefined || e.receivedAt >= f.since) &&
    (f.until === undefined || e.receivedAt < f.until)
  );
}

/** The stored inbound events of one data folder: segments 1…count, oldest first. */
export class EventLog {
  readonly folder: string;
  readonly #fsync: boolean;
  #segments: EventSegment[] = [];
  #stored = 0;
  #ordered = true;
  #lastAt = Number.NEGATIVE_INFINITY;

  /** `fsync`: segments are synced to the disk before they are named (see StoreOptions.fsync). */
  constructor(folder: string, options: { fsync?: boolean } = {}) {
    this.folder = folder;
    this.#fsync = options.fsync ?? false;
  }

  get count(): number {
    return this.#segments.length;
  }

  /** How many events the segments hold (positions of held events start here). */
  get stored(): number {
    return this.#stored;
  }

  /** Loads segments 1…count; deletes later or half-written ones (as `History.load`). */
  async load(count: number): Promise<void> {
    await removeUnnamedSegments(this.folder, FILE, count);
    const segments: EventSegment[] = [];
    for (let n = 1; n <= count; n++) {
      const path = eventSegmentPath(this.folder, n, 'jsonl');
      try {
        await access(path);
        const file = await readFile(eventSegmentPath(this.folder, n, 'columns'));
        segments.push({ path, columns: decodeColumns(file) });
      } catch (error) {
        throw new Error(
          `Inbound events segment ${n} named by records.jsonl cannot be read (${String(error)}): the data folder is damaged; the inbound events it holds would be lost, so the channel does not start.`,
        );
      }
    }
    this.#segments = [];
    this.#stored = 0;
    this.#ordered = true;
    this.#lastAt = Number.NEGATIVE_INFINITY;
    for (const segment of segments) this.add(segment);
  }

  /** Writes the next segment; `add` makes it part of the log. */
  async write(events: InboundEvent[]): Promise<EventSegment> {
    const n = this.#segments.length + 1;
    const path = eventSegmentPath(this.folder, n, 'jsonl');
    const columnsPath = eventSegmentPath(this.folder, n, 'columns');
    const columns = await writeSegment(path, columnsPath, events, this.#fsync);
    return { path, columns };
  }

  add(segment: EventSegment): void {
    this.#segments.push(segment);
    this.#stored += segment.columns.codes.length;
    for (const at of segment.columns.receivedAt) {
      if (at < this.#lastAt) this.#ordered = false;
      this.#lastAt = at;
    }
  }

  /** Whether times never go back along the log (then newest first is position order, reversed). */
  get ordered(): boolean {
    return this.#ordered;
  }

  /** The time of the last stored event (-Infinity when none). */
  get lastAt(): number {
    return this.#lastAt;
  }

  /**
   * The stored events that pass the filter, oldest first (or newest first: by position, reversed,
   * from below `before`), each read from disk only when asked.
   */
  *matching(
    f: InboundEventFilter,
    order: { newestFirst?: boolean; before?: number } = {},
  ): Generator<StoredInboundEvent> {
    const kind = f.kind === undefined ? -1 : INBOUND_EVENT_KINDS.indexOf(f.kind);
    const outcome = f.outcome === undefined ? -1 : INBOUND_EVENT_OUTCOMES.indexOf(f.outcome);
    const reference = f.referenceId === undefined ? -1 : keyHash(f.referenceId);
    const conversation = f.conversationId === undefined ? -1 : keyHash(f.conversationId);
    const byKey = reference !== -1 || conversation !== -1;
    const before = order.before ?? Number.POSITIVE_INFINITY;
    let base = order.newestFirst ? this.#stored : 0;
    const segments = order.newestFirst ? [...this.#segments].reverse() : this.#segments;
    for (const { path, columns } of segments) {
      const { receivedAt, codes } = columns;
      if (order.newestFirst) base -= codes.length;
      const first = order.newestFirst ? Math.min(codes.length, before - base) - 1 : 0;
      const step = order.newestFirst ? -1 : 1;
      for (let i = first; i >= 0 && i < codes.length; i += step) {
        const code = codes[i] ?? 0;
        const at = receivedAt[i] ?? 0;
        if (kind !== -1 && ((code >> 6) & 1) !== kind) continue;
        if (outcome !== -1 && (code & 0x3f) !== outcome) continue;
        if (reference !== -1 && columns.references[i] !== reference) continue;
        if (conversation !== -1) {
          if (!(code & HAS_CONVERSATION) || columns.conversations[i] !== conversation) continue;
        }
        if (f.since !== undefined && at < f.since) continue;
        if (f.until !== undefined && at >= f.until) continue;
        const position = base + i;
        const offset = columns.offsets[i] ?? 0;
        const length = columns.lengths[i] ?? 0;
        const read = () => JSON.parse(readRange(path, offset, length)) as InboundEvent;
        if (byKey) {
          // A hash matched: the event itself says whether its key does.
          const event = read();
          if (eventMatches(event, f)) yield { position, receivedAt: at, event: () => event };
        } else yield { position, receivedAt: at, event: read };
      }
      if (!order.newestFirst) base += codes.length;
    }
  }
}
