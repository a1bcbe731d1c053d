// An append-only file written in group commits: what is appended while a write is in flight goes out
// together in the next single write (and, with `fsync`, one fdatasync per batch) before it settles.
import { closeSync, fdatasync, fsyncSync, ftruncate, openSync, write } from 'node:fs';
import { dirname } from 'node:path';

export interface GroupCommitOptions {
  /**
   * Wait for the disk (fdatasync) after each batch, so a settled append survives a power cut, not
   * only a crash of this process. Off: a settled append is in the operating system's cache.
   */
  fsync?: boolean;
  /** Hears the first write error; later appends are refused with it. */
  onError?: (error: Error) => void;
}

const settled: Promise<void> = Promise.resolve();

interface Batch {
  text: string[];
  promise: Promise<void>;
  settle: (error: Error | null) => void;
}

function newBatch(): Batch {
  let settle: (error: Error | null) => void = () => {};
  const promise = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve());
  });
  // A batch nobody waits on must not become an unhandled rejection: the error is kept and reported.
  promise.catch(() => undefined);
  return { text: [], promise, settle };
}

/**
 * One file opened for appending. `append` queues text and never waits; `committed()` resolves once
 * everything appended before the call is written (and synced with `fsync`). Batches are written in
 * order, one at a time; a busy writer makes one `write` per batch, not one per append.
 */
export class GroupCommitFile {
  readonly path: string;
  readonly #fsync: boolean;
  readonly #onError: ((error: Error) => void) | undefined;
  #fd: number | undefined;
  #next: Batch | undefined;
  #inFlight: Batch | undefined;
  #failure: Error | undefined;
  #scheduled = false;
  /** Set while `clear` runs: nothing is written until the file is emptied. */
  #clearing: Promise<void> | undefined;
  /** Resolves when the writer is idle (nothing in flight); `clear` and `close` wait for it. */
  #idle: Array<() => void> = [];

  constructor(path: string, options: GroupCommitOptions = {}) {
    this.path = path;
    this.#fsync = options.fsync ?? false;
    this.#onError = options.onError;
    try {
      this.#fd = openSync(path, 'a', 0o600);
      // A new file's name lives in its folder: sync the folder once so a power cut keeps the name.
      if (this.#fsync) syncFolder(dirname(path));
    } catch (error) {
      this.#fail(error as Error);
    }
  }

  /** Batches written so far (each one `write`, and one fdatasync with `fsync`). */
  writes = 0;
  /** …of which synced to the disk. */
  syncs = 0;

  /** The first write error, if any. */
  get failure(): Error | undefined {
    return this.#failure;
  }

  append(text: string): void {
    if (this.#failure || this.#fd === undefined) return;
    this.#next ??= newBatch();
    this.#next.text.push(text);
    // Appends of the same tick join one batch; a write in flight collects the next batch meanwhile.
    if (!this.#inFlight && !this.#scheduled && !this.#clearing) {
      this.#scheduled = true;
      queueMicrotask(() => {
        this.#scheduled = false;
        if (!this.#inFlight && !this.#clearing) this.#writeNext();
      });
    }
  }

  /** Resolves once everything appended so far is written (synced with `fsync`); rejects on failure. */
  committed(): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    return this.#next?.promise ?? this.#inFlight?.promise ?? settled;
  }

  #writeNext(): void {
    const batch = this.#next;
    const fd = this.#fd;
    if (!batch || fd === undefined || this.#clearing) {
      for (const done of this.#idle.splice(0)) done();
      return;
    }
    this.#next = undefined;
    this.#inFlight = batch;
    const joined = batch.text.length === 1 ? (batch.text[0] ?? '') : batch.text.join('');
    const data = Buffer.from(joined, 'utf8');
    const finish = (error: Error | null): void => {
      this.#inFlight = undefined;
      if (error) this.#fail(error);
      batch.settle(error ?? null);
      this.#writeNext();
    };
    const writeFrom = (offset: number): void => {
      write(fd, data, offset, data.length - offset, null, (error, written) => {
        if (error) return finish(error);
        if (offset + written < data.length) return writeFrom(offset + written);
        this.writes++;
        if (!this.#fsync) return finish(null);
        fdatasync(fd, (syncError) => {
          if (!syncError) this.syncs++;
          finish(syncError);
        });
      });
    };
    writeFrom(0);
  }

  #fail(error: Error): void {
    if (this.#failure) return;
    this.#failure = error;
    this.#next?.settle(error);
    this.#next = undefined;
    this.#onError?.(error);
  }

  #whenIdle(): Promise<void> {
    if (!this.#inFlight && (!this.#next || this.#clearing)) return settled;
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /**
   * Empties the file. What was appended before the call is dropped (its waiters settle: it was kept
   * until the reset forgot it); appends made meanwhile are written after the file is emptied.
   */
  clear(): Promise<void> {
    const before = this.#next;
    this.#next = undefined;
    const run = async (): Promise<void> => {
      await this.#whenIdle();
      before?.settle(this.#failure ?? null);
      const fd = this.#fd;
      if (fd !== undefined) {
        await new Promise<void>((resolve, reject) =>
          ftruncate(fd, 0, (error) => (error ? reject(error) : resolve())),
        );
      }
    };
    const done = (this.#clearing ?? settled).then(run).finally(() => {
      if (this.#clearing === tail) {
        this.#clearing = undefined;
        if (!this.#inFlight) this.#writeNext();
      }
    });
    const tail = done.catch(() => undefined);
    this.#clearing = tail;
    return done;
  }

  /** Writes what is pending, then closes the file; later appends are dropped. */
  async close(): Promise<void> {
    await this.#clearing;
    if (this.#next && !this.#inFlight) this.#writeNext();
    await this.#whenIdle();
    const fd = this.#fd;
    this.#fd = undefined;
    if (fd !== undefined) closeSync(fd);
  }
}

/** A new file's name is in its folder: sync the folder so that a power cut keeps the name too. */
function syncFolder(folder: string): void {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
