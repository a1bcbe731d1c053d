// The journal: an ordered, bounded, filterable log of API requests, callback attempts, state changes.

export type JournalKind = 'api' | 'callback' | 'state' | 'control';

export interface JournalEntry {
  seq: number;
  at: string;
  kind: JournalKind;
  customerId?: string;
  referenceId?: string;
  /** The handset the entry concerns (a send's `phone_number`, a report's recipient, an inbound's sender). */
  phone?: string;
  method?: string;
  path?: string;
  status?: number;
  code?: number;
  url?: string;
  attempt?: number;
  latencyMs?: number;
  signature?: string;
  detail: string;
}

export type JournalInput = Omit<JournalEntry, 'seq' | 'at'>;

export interface JournalQuery {
  kind?: JournalKind | undefined;
  customerId?: string | undefined;
  referenceId?: string | undefined;
  phone?: string | undefined;
  /** Only entries with `seq` greater than this. */
  since?: number | undefined;
  limit?: number | undefined;
}

export interface Journal {
  record(entry: JournalInput): JournalEntry;
  list(query?: JournalQuery): JournalEntry[];
  clear(): void;
  subscribe(listener: (entry: JournalEntry) => void): () => void;
}

export function createJournal(now: () => number, capacity = 10_000): Journal {
  let entries: JournalEntry[] = [];
  let seq = 0;
  const listeners = new Set<(entry: JournalEntry) => void>();
  return {
    record(input) {
      const entry: JournalEntry = { seq: ++seq, at: new Date(now()).toISOString(), ...input };
      entries.push(entry);
      // Trim in batches so that a full journal does not shift the array on every request.
      if (entries.length > capacity + capacity / 10) entries = entries.slice(-capacity);
      for (const listener of listeners) listener(entry);
      return entry;
    },
    list(query = {}) {
      const found = entries.filter(
        (e) =>
          e.seq > (query.since ?? 0) &&
          (query.kind === undefined || e.kind === query.kind) &&
          (query.customerId === undefined || e.customerId === query.customerId) &&
          (query.referenceId === undefined || e.referenceId === query.referenceId) &&
          (query.phone === undefined || e.phone === query.phone),
      );
      const bounded = found.slice(-capacity);
      return query.limit === undefined ? bounded : bounded.slice(-query.limit);
    },
    clear() {
      entries = [];
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
