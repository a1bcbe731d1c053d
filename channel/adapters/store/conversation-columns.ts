// The columns of a closed-conversations segment: what the lists filter on, per conversation, in
// flat typed arrays (61 bytes a conversation), and the rows of earlier segments it supersedes.
import type { Conversation } from '../../domain/model';
import { type KeyIndexBuilder, keyHash } from './history-keys';
import { LinesWriter } from './lines-writer';

export const MAGIC = 0x4e435343; // "CSCN"
export const HEADER_BYTES = 12; // magic, rows, superseded rows
/** The filtered fields hashed into columns, in this order. */
export const FIELDS = [
  'queueId',
  'agentId',
  'workStreamId',
  'customerNumber',
  'supportNumber',
  'contactId',
  'accountId',
] as const;
const BYTES_PER_ROW = 8 * 3 + 4 + 4 + 4 * FIELDS.length + 1;

export interface Columns {
  seq: Float64Array;
  createdAt: Float64Array;
  offsets: Float64Array;
  lengths: Uint32Array;
  /** The id's hash: whether memory holds a newer version is asked only on a match. */
  ids: Uint32Array;
  /** One array of hashes per field of FIELDS; 0 where the conversation has none (see `present`). */
  hashes: Uint32Array[];
  /** Bit n: the conversation has FIELDS[n]. */
  present: Uint8Array;
}

/** After the header: the superseded [segment, row] pairs, then the columns, widest first (aligned). */
export function layout(bytes: ArrayBuffer, rows: number, superseded: number): Columns {
  let at = HEADER_BYTES + 4 + superseded * 8;
  const f64 = () => {
    const view = new Float64Array(bytes, at, rows);
    at += 8 * rows;
    return view;
  };
  const u32 = () => {
    const view = new Uint32Array(bytes, at, rows);
    at += 4 * rows;
    return view;
  };
  const seq = f64();
  const createdAt = f64();
  const offsets = f64();
  const lengths = u32();
  const ids = u32();
  const hashes = FIELDS.map(u32);
  return {
    seq,
    createdAt,
    offsets,
    lengths,
    ids,
    hashes,
    present: new Uint8Array(bytes, at, rows),
  };
}

export const columnBytes = (rows: number, superseded: number) =>
  HEADER_BYTES + 4 + rows * BYTES_PER_ROW + superseded * 8;

export function decodeColumns(file: Uint8Array): {
  columns: Columns;
  supersedes: Array<[number, number]>;
} {
  const bytes = new Uint8Array(file).buffer;
  const [magic, rows = 0, superseded = 0] =
    bytes.byteLength >= HEADER_BYTES ? new Uint32Array(bytes, 0, 3) : [];
  if (magic !== MAGIC) throw new Error('not a conversations columns file');
  if (bytes.byteLength !== columnBytes(rows, superseded))
    throw new Error(`holds ${bytes.byteLength} bytes, not those of ${rows} conversations`);
  const pairs = new Uint32Array(bytes, HEADER_BYTES + 4, superseded * 2);
  const supersedes: Array<[number, number]> = [];
  for (let i = 0; i < superseded; i++) supersedes.push([pairs[2 * i] ?? 0, pairs[2 * i + 1] ?? 0]);
  return { columns: layout(bytes, rows, superseded), supersedes };
}

/** A conversation to write, with its place in creation order. */
export interface Placed {
  seq: number;
  conversation: Conversation;
}

/** Writes the conversations one per line, filling their columns and key index. */
export async function writeRows(
  temporary: string,
  placed: Placed[],
  columns: Columns,
  keys: KeyIndexBuilder,
): Promise<void> {
  const file = new LinesWriter(temporary);
  for (let i = 0; i < placed.length; i++) {
    const { seq, conversation } = placed[i] as Placed;
    const { offset, length } = file.add(conversation);
    keys.add(conversation.id, 'message', offset, length);
    columns.seq[i] = seq;
    columns.createdAt[i] = conversation.createdAt;
    columns.offsets[i] = offset;
    columns.lengths[i] = length;
    columns.ids[i] = keyHash(conversation.id);
    let present = 0;
    FIELDS.forEach((field, k) => {
      const value = conversation[field];
      if (value === undefined) return;
      present |= 1 << k;
      (columns.hashes[k] as Uint32Array)[i] = keyHash(value);
    });
    columns.present[i] = present;
    await file.flushIfFull();
  }
  await file.close();
}
