// The append-only JSON-lines journal of the message stream: one line per record, flat cost per write.
import { createWriteStream, type WriteStream } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonLines } from '../../../lib/json-lines';
import type { JournalRecord } from './schema';

const PATTERN = /^journal-(\d+)\.jsonl$/;

export function journalPath(folder: string, generation: number): string {
  return join(folder, `journal-${String(generation).padStart(6, '0')}.jsonl`);
}

/** Generations present in `folder`, oldest first. */
export async function journalGenerations(folder: string): Promise<number[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names
    .map((name) => PATTERN.exec(name)?.[1])
    .filter((g): g is string => g !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * Reads one journal file (lib/json-lines: a torn last line is skipped with a warning and cut off the
 * file, so the next append starts on a clean line; a corrupt line elsewhere is skipped too). The
 * records are the channel's own writes, checked by the store's schema version.
 */
export async function readJournal(
  path: string,
  warn: (message: string) => void,
): Promise<JournalRecord[]> {
  return (await readJsonLines(path, warn)) as JournalRecord[];
}

export async function removeJournal(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

/**
 * One open journal file; `append` resolves once the line is handed to the operating system.
 * Lines are group-committed: those appended while a write is in flight (and those of the same tick)
 * go out together as one string in one write, so a busy channel makes one `write` per batch rather
 * than one per record. Order and the "handed to the OS" promise are the same as a write per line.
 */
export class JournalWriter {
  readonly generation: number;
  #stream: WriteStream;
  #failure: Error | undefined;
  #lines: string[] = [];
  #settle: Array<(error?: Error | null) => void> = [];
  #writing = false;
  #scheduled = false;

  constructor(folder: string, generation: number) {
    this.generation = generation;
    this.#stream = createWriteStream(journalPath(folder, generation), { flags: 'a' });
    this.#stream.on('error', (error) => {
      this.#failure = error;
    });
  }

  append(record: JournalRecord): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    const line = `${JSON.stringify(record)}\n`;
    return new Promise((resolve, reject) => {
      this.#lines.push(line);
      this.#settle.push((error) => (error ? reject(error) : resolve()));
      if (!this.#writing && !this.#scheduled) {
        this.#scheduled = true;
        queueMicrotask(() => {
          this.#scheduled = false;
          if (!this.#writing) this.#flush();
        });
      }
    });
  }

  /** Writes every waiting line as one chunk; the next batch starts when this one is handed over. */
  #flush(): void {
    if (this.#lines.length === 0) return;
    const text = this.#lines.length === 1 ? (this.#lines[0] ?? '') : this.#lines.join('');
    const settle = this.#settle;
    this.#lines = [];
    this.#settle = [];
    this.#writing = true;
    this.#stream.write(text, (error) => {
      this.#writing = false;
      for (const done of settle) done(error);
      this.#flush();
    });
  }

  close(): Promise<void> {
    this.#flush();
    return new Promise((resolve) => this.#stream.end(() => resolve()));
  }
}
