// Append-only JSON-lines files: one value per line, a flat cost per append, a torn tail tolerated.
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rename, truncate } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';

/**
 * Calls `onValue` with every line of `path` parsed as JSON, reading the file in chunks (a missing
 * file is empty), so no file is ever one string: a journal of any size reads in bounded memory. A
 * torn last line (a crash mid-write) is skipped with a warning and cut off the file, so the next
 * append starts on a clean line; an unreadable line elsewhere is skipped with a warning too.
 * Returns how many values were read.
 */
export async function eachJsonLine(
  path: string,
  warn: (message: string) => void,
  onValue: (value: unknown) => void,
): Promise<number> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  // Decodes across chunk boundaries (a character split between two reads stays whole).
  const decoder = new StringDecoder('utf8');
  let count = 0;
  let lineNumber = 0;
  let bytes = 0;
  let rest = '';
  const take = (text: string, isLast: boolean): boolean => {
    lineNumber++;
    if (text.trim() === '') return true;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      warn(
        `${path}: skipped an unreadable line ${lineNumber}${isLast ? ' (torn by an interrupted write)' : ''}`,
      );
      // A bad line in the middle stays: only a torn tail is cut, later lines are still good.
      return false;
    }
    count++;
    onValue(value); // outside the try: what the caller throws is its own, not a bad line
    return true;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      const text = rest + decoder.write(chunk);
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        take(text.slice(start, nl), false);
        start = nl + 1;
      }
      rest = text.slice(start);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  rest += decoder.end();
  if (rest !== '' && !take(rest, true)) await truncate(path, bytes - Buffer.byteLength(rest));
  return count;
}

/** Every line of `path` as JSON, in order (see `eachJsonLine` for torn and unreadable lines). */
export async function readJsonLines(
  path: string,
  warn: (message: string) => void,
): Promise<unknown[]> {
  const values: unknown[] = [];
  await eachJsonLine(path, warn, (value) => values.push(value));
  return values;
}

/**
 * Replaces `path` with `values`, one per line, atomically (a crash leaves the old file whole).
 * Written through a stream as the values come, never as one string: V8 caps a string near 512 MB.
 */
export async function rewriteJsonLines(path: string, values: Iterable<unknown>): Promise<void> {
  const temporary = `${path}.tmp`;
  const stream = createWriteStream(temporary);
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  let batch = '';
  for (const value of values) {
    batch += `${JSON.stringify(value)}\n`;
    if (batch.length < 1 << 16) continue;
    if (!stream.write(batch)) await Promise.race([once(stream, 'drain'), failed]);
    batch = '';
  }
  stream.end(batch);
  await Promise.race([finished(stream), failed]);
  await rename(temporary, path);
}

/**
 * One open JSON-lines file. `append` never waits: lines go through a single write stream in call
 * order; `flush` resolves once everything appended so far is handed to the operating system.
 */
export class JsonLinesWriter {
  readonly path: string;
  #stream: WriteStream | undefined;
  /** Lines appended while the file is being emptied; written once it is reopened. */
  #pending: string[] | undefined;
  #failure: Error | undefined;
  #closed = false;
  #clearing: Promise<void> = Promise.resolve();
  #clears = 0;
  readonly #onError: ((error: Error) => void) | undefined;

  /** `onError` hears the first write error; appends after it are dropped. */
  constructor(path: string, onError?: (error: Error) => void) {
    this.path = path;
    this.#onError = onError;
    this.#stream = this.#open();
  }

  #open(): WriteStream {
    const stream = createWriteStream(this.path, { flags: 'a' });
    stream.on('error', (error) => {
      if (this.#failure) return;
      this.#failure = error;
      this.#onError?.(error);
    });
    return stream;
  }

  /** The first write error, if any (appends after it are dropped). */
  get failure(): Error | undefined {
    return this.#failure;
  }

  append(value: unknown): void {
    if (this.#closed || this.#failure) return;
    const line = `${JSON.stringify(value)}\n`;
    if (this.#pending) this.#pending.push(line);
    else this.#stream?.write(line);
  }

  flush(): Promise<void> {
    const stream = this.#stream;
    if (!stream || this.#failure) return Promise.resolve();
    return new Promise((resolve) => stream.write('', () => resolve()));
  }

  /** Empties the file; appends made from now on land after it. */
  clear(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    const old = this.#stream;
    const generation = ++this.#clears;
    this.#stream = undefined;
    this.#pending = [];
    const done = this.#clearing.then(async () => {
      try {
        if (old) await new Promise<void>((resolve) => old.end(() => resolve()));
        await truncate(this.path, 0).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
      } finally {
        // Only the latest clear reopens; close() waits for it, so no buffered line is lost.
        if (generation === this.#clears) {
          const stream = this.#open();
          for (const line of this.#pending ?? []) stream.write(line);
          this.#stream = stream;
          this.#pending = undefined;
        }
      }
    });
    this.#clearing = done.catch(() => undefined);
    return done;
  }

  async close(): Promise<void> {
    await this.#clearing;
    if (this.#closed) return;
    this.#closed = true;
    const stream = this.#stream;
    this.#stream = undefined;
    if (stream) await new Promise<void>((resolve) => stream.end(() => resolve()));
  }
}
