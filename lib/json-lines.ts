// Append-only JSON-lines files: one value per line, a flat cost per append, a torn tail tolerated.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { GroupCommitFile } from './group-commit';
import { syncPath } from './sync-path';

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
 * Replaces `path` with `values`, one per line, atomically (a crash leaves the old file whole; with
 * `fsync`, a power cut too).
 * Written through a stream as the values come, never as one string: V8 caps a string near 512 MB.
 */
export async function rewriteJsonLines(
  path: string,
  values: Iterable<unknown>,
  options: { fsync?: boolean } = {},
): Promise<void> {
  const temporary = `${path}.tmp`;
  // With fsync the new file is on the disk before it replaces the old one, and the rename after it.
  const stream = createWriteStream(temporary, { flush: options.fsync ?? false });
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
  if (options.fsync) await syncPath(dirname(path));
}

/**
 * One open JSON-lines file. `append` never waits: lines are group-committed in call order (see
 * lib/group-commit); `committed` resolves once everything appended so far is handed to the
 * operating system (and on the disk with `fsync`).
 */
export class JsonLinesWriter {
  readonly path: string;
  readonly #file: GroupCommitFile;

  /** `onError` hears the first write error; appends after it are dropped. */
  constructor(path: string, onError?: (error: Error) => void, options: { fsync?: boolean } = {}) {
    this.path = path;
    this.#file = new GroupCommitFile(path, {
      ...options,
      ...(onError ? { onError } : {}),
    });
  }

  /** The first write error, if any (appends after it are dropped). */
  get failure(): Error | undefined {
    return this.#file.failure;
  }

  append(value: unknown): void {
    this.#file.append(`${JSON.stringify(value)}\n`);
  }

  /** Resolves once everything appended so far is written; rejects with the write error if any. */
  committed(): Promise<void> {
    return this.#file.committed();
  }

  /** Like `committed`, but never rejects (see `failure`). */
  flush(): Promise<void> {
    return this.#file.committed().catch(() => undefined);
  }

  /** Empties the file; appends made from now on land after it. */
  clear(): Promise<void> {
    return this.#file.clear();
  }

  close(): Promise<void> {
    return this.#file.close();
  }
}
