// The append-only JSON-lines journal of the message stream: one line per record, flat cost per write.
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { GroupCommitFile } from '../../../lib/group-commit';
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
 * One open journal file; `append` resolves once the line is handed to the operating system (and
 * on the disk with `fsync`). Lines are group-committed (lib/group-commit): those appended while a
 * write is in flight (and those of the same tick) go out together in one write, so a busy channel
 * makes one `write` per batch rather than one per record, and shares one promise per batch.
 */
export class JournalWriter {
  readonly generation: number;
  readonly #file: GroupCommitFile;

  constructor(folder: string, generation: number, options: { fsync?: boolean } = {}) {
    this.generation = generation;
    this.#file = new GroupCommitFile(journalPath(folder, generation), options);
  }

  append(record: JournalRecord): Promise<void> {
    this.#file.append(`${JSON.stringify(record)}\n`);
    return this.#file.committed();
  }

  close(): Promise<void> {
    return this.#file.close();
  }
}
