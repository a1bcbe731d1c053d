// Append-only JSON-lines files: one value per line, a flat cost per append, a torn tail tolerated.
import { createWriteStream, type WriteStream } from 'node:fs';
import { readFile, rename, truncate, writeFile } from 'node:fs/promises';

/**
 * Reads every line of `path` as JSON (a missing file is empty). A torn last line (a crash
 * mid-write) is skipped with a warning and cut off the file, so the next append starts on a clean
 * line; an unreadable line elsewhere is skipped with a warning too.
 */
export async function readJsonLines(
  path: string,
  warn: (message: string) => void,
): Promise<unknown[]> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  if (text === '') return [];
  const values: unknown[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let validLength = 0;
  lines.forEach((line, index) => {
    const isLast = index === lines.length - 1;
    const length = Buffer.byteLength(line, 'utf8') + (isLast ? 0 : 1);
    if (line.trim() !== '') {
      try {
        values.push(JSON.parse(line));
        validLength = offset + length;
      } catch {
        warn(
          `${path}: skipped an unreadable line ${index + 1}${isLast ? ' (torn by an interrupted write)' : ''}`,
        );
        // A bad line in the middle stays: only a torn tail is cut, later lines are still good.
        if (!isLast) validLength = offset + length;
      }
    } else if (!isLast) validLength = offset + length;
    offset += length;
  });
  if (validLength < offset) await truncate(path, validLength);
  return values;
}

/** Replaces `path` with `values`, one per line, atomically (a crash leaves the old file whole). */
export async function rewriteJsonLines(path: string, values: readonly unknown[]): Promise<void> {
  const temporary = `${path}.tmp`;
  await writeFile(temporary, values.map((v) => `${JSON.stringify(v)}\n`).join(''));
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
