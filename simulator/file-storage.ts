// The fake's storage in a folder: the world in lowdb (`telesign.json`), traffic in a journal (`telesign-traffic.jsonl`), the request journal (`telesign-journal.jsonl`).
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { createFileJournalStore, type JournalStore } from './backend/journal-store';
import type { TrafficStore } from './backend/traffic-store';
import { createFileTraffic, type FileTrafficOptions } from './backend/traffic-store';
import { emptyWorld, type WorldData } from './backend/world-store';

export interface FileStorage {
  /** Accounts, numbers, callback URLs and delivery policies, rewritten on each control-plane change. */
  storage: Low<WorldData>;
  /** Messages with their status history and callbacks, and the handsets' inboxes and outboxes. */
  traffic: TrafficStore;
  /** The request/callback journal (`GET /_sim/journal`): the newest entries, in two rotating files. */
  journalStore: JournalStore;
}

/**
 * Storage for `createSimulator` that survives a restart: `createSimulator({ ...createFileStorage(dir) })`.
 * The folder is created on load; the file names carry `telesign` so the folder can be shared.
 */
export function createFileStorage(folder: string, options: FileTrafficOptions = {}): FileStorage {
  return {
    storage: new Low<WorldData>(
      new JSONFile<WorldData>(join(folder, 'telesign.json')),
      emptyWorld(),
    ),
    traffic: createFileTraffic(join(folder, 'telesign-traffic.jsonl'), options),
    journalStore: createFileJournalStore(
      join(folder, 'telesign-journal.jsonl'),
      options.warn ? { warn: options.warn } : {},
    ),
  };
}
