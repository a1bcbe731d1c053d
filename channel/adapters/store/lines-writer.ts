// A JSON-lines segment file written in 64 KB batches, with each line's byte position (the indexes
// and columns of the history, event and conversation logs point at lines by offset and length).
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

const BATCH_BYTES = 1 << 16;

export class LinesWriter {
  readonly #stream: WriteStream;
  readonly #failed: Promise<never>;
  #batch = '';
  #offset = 0;

  constructor(path: string) {
    this.#stream = createWriteStream(path);
    const stream = this.#stream;
    this.#failed = new Promise<never>((_, reject) => stream.once('error', reject));
    this.#failed.catch(() => undefined);
  }

  /** Where the next line starts, in bytes. */
  get offset(): number {
    return this.#offset;
  }

  /** Adds `record` as one line; returns where it starts and its length in bytes. */
  add(record: unknown): { offset: number; length: number } {
    const line = `${JSON.stringify(record)}\n`;
    const placed = { offset: this.#offset, length: Buffer.byteLength(line) };
    this.#offset += placed.length;
    this.#batch += line;
    return placed;
  }

  /** Writes the batch once it holds 64 KB, waiting for the stream to drain. */
  async flushIfFull(): Promise<void> {
    if (this.#batch.length < BATCH_BYTES) return;
    const batch = this.#batch;
    this.#batch = '';
    if (!this.#stream.write(batch)) await Promise.race([once(this.#stream, 'drain'), this.#failed]);
  }

  /** Writes what is left and waits until the file is closed. */
  async close(): Promise<void> {
    this.#stream.end(this.#batch);
    this.#batch = '';
    await Promise.race([finished(this.#stream), this.#failed]);
  }
}
