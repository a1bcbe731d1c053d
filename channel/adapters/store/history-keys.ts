// The key index of one history segment: which byte ranges may hold a message id, a TeleSign
// reference id or a conversation, kept in flat typed arrays (16 bytes a key, loaded as one read).

/** FNV-1a over the UTF-16 code units: a 32-bit hash; equal hashes are checked against the record. */
export function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A range of a conversation's lines, rather than one message's line (the length's top bit). */
const CONVERSATION_BIT = 0x8000_0000;
const MAGIC = 0x4b485343; // "CSHK", read back in the platform's byte order
const HEADER_BYTES = 8;

export type KeyKind = 'message' | 'conversation';

/** Sorted by hash; `lengths` carries the kind in its top bit. */
export interface KeyIndex {
  readonly hashes: Uint32Array;
  readonly lengths: Uint32Array;
  readonly offsets: Float64Array;
}

/** Collects keys while a segment is written, then sorts them into an index. */
export class KeyIndexBuilder {
  #hashes: number[] = [];
  #lengths: number[] = [];
  #offsets: number[] = [];

  add(key: string, kind: KeyKind, offset: number, length: number): void {
    if (length >= CONVERSATION_BIT)
      throw new Error(`A history range of ${length} bytes is too long.`);
    this.#hashes.push(keyHash(key));
    this.#lengths.push(kind === 'conversation' ? (length | CONVERSATION_BIT) >>> 0 : length);
    this.#offsets.push(offset);
  }

  build(): KeyIndex {
    const count = this.#hashes.length;
    // Hash and position packed in one 64-bit integer: a native numeric sort, no comparator calls.
    const packed = new BigUint64Array(count);
    for (let i = 0; i < count; i++) packed[i] = (BigInt(this.#hashes[i] ?? 0) << 32n) | BigInt(i);
    packed.sort();
    const index: KeyIndex = {
      hashes: new Uint32Array(count),
      lengths: new Uint32Array(count),
      offsets: new Float64Array(count),
    };
    for (let i = 0; i < count; i++) {
      const at = Number((packed[i] ?? 0n) & 0xffff_ffffn);
      index.hashes[i] = this.#hashes[at] ?? 0;
      index.lengths[i] = this.#lengths[at] ?? 0;
      index.offsets[i] = this.#offsets[at] ?? 0;
    }
    return index;
  }
}

/** The index as bytes: a header (magic, count), the hashes, the lengths, then the offsets. */
export function encodeKeyIndex(index: KeyIndex): Buffer {
  const count = index.hashes.length;
  const bytes = new ArrayBuffer(HEADER_BYTES + count * 16);
  new Uint32Array(bytes, 0, 2).set([MAGIC, count]);
  new Uint32Array(bytes, HEADER_BYTES, count).set(index.hashes);
  new Uint32Array(bytes, HEADER_BYTES + count * 4, count).set(index.lengths);
  new Float64Array(bytes, HEADER_BYTES + count * 8, count).set(index.offsets);
  return Buffer.from(bytes);
}

/** Reads what `encodeKeyIndex` wrote; throws on anything else (the caller names the file). */
export function decodeKeyIndex(file: Uint8Array): KeyIndex {
  // A copy starts the typed arrays on an aligned boundary, whatever the buffer's own offset.
  const bytes = new Uint8Array(file).buffer;
  if (bytes.byteLength < HEADER_BYTES) throw new Error('too short for a key index');
  const [magic, count = 0] = new Uint32Array(bytes, 0, 2);
  if (magic !== MAGIC)
    throw new Error('not a key index (or written on a machine of the other byte order)');
  if (bytes.byteLength !== HEADER_BYTES + count * 16)
    throw new Error(
      `holds ${bytes.byteLength} bytes, not the ${HEADER_BYTES + count * 16} of ${count} keys`,
    );
  return {
    hashes: new Uint32Array(bytes, HEADER_BYTES, count),
    lengths: new Uint32Array(bytes, HEADER_BYTES + count * 4, count),
    offsets: new Float64Array(bytes, HEADER_BYTES + count * 8, count),
  };
}

/** The byte ranges of `kind` whose key hashes like `key`, in the order they were written. */
export function candidates(
  index: KeyIndex,
  key: string,
  kind: KeyKind,
): Array<{ offset: number; length: number }> {
  const hash = keyHash(key);
  const { hashes } = index;
  let low = 0;
  let high = hashes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((hashes[mid] ?? 0) < hash) low = mid + 1;
    else high = mid;
  }
  const found: Array<{ offset: number; length: number }> = [];
  for (let i = low; i < hashes.length && hashes[i] === hash; i++) {
    const raw = index.lengths[i] ?? 0;
    const isConversation = (raw & CONVERSATION_BIT) !== 0;
    if (isConversation !== (kind === 'conversation')) continue;
    found.push({ offset: index.offsets[i] ?? 0, length: (raw & ~CONVERSATION_BIT) >>> 0 });
  }
  return found.sort((a, b) => a.offset - b.offset);
}
