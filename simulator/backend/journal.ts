// The journal: an ordered, bounded, filterable log of API requests, callback attempts, state changes.

export type JournalKind = 'api' | 'callback' | 'state' | 'control';

/** One side of an HTTP exchange as it went over the wire (bodies as text, cut at 64 KB). */
export interface JournalMessage {
  method?: string;
  url?: string;
  status?: number;
  headers: Record<string, string>;
  body: string;
}

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
  /** What the signature signs: TSA's string-to-sign for a request, the raw body for a callback. */
  signed?: string;
  /** API requests and callback attempts: the request as received or sent. */
  request?: JournalMessage;
  /** …and the answer; absent when a callback's receiver could not be reached. */
  response?: JournalMessage;
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

/** Where entries are kept beyond memory (journal-store.ts): appended as recorded, emptied on clear. */
export interface JournalSink {
  append(entry: JournalEntry): void;
  clear(): void;
}

export interface Journal {
  record(entry: JournalInput): JournalEntry;
  /**
   * Puts back entries kept from an earlier run (oldest first) before those recorded since, which
   * are numbered after them; from then on every entry also goes to `sink` (those since, first).
   */
  restore(kept: readonly JournalEntry[], sink?: JournalSink): void;
  list(query?: JournalQuery): JournalEntry[];
  /** One entry by its number, while the journal still holds it. */
  get(seq: number): JournalEntry | undefined;
  clear(): void;
  subscribe(listener: (entry: JournalEntry) => void): () => void;
}

export function createJournal(now: () => number, capacity = 10_000): Journal {
  let sink: JournalSink | undefined;
  let entries: JournalEntry[] = [];
  let seq = 0;
  // Entries come in bursts within one millisecond: format each millisecond once.
  let lastMs = Number.NaN;
  let lastAt = '';
  const stamp = (): string => {
    const ms = now();
    if (ms !== lastMs) {
      lastAt = new Date(ms).toISOString();
      lastMs = ms;
    }
    return lastAt;
  };
  const listeners = new Set<(entry: JournalEntry) => void>();
  return {
    record(input) {
      const entry: JournalEntry = { seq: ++seq, at: stamp(), ...input };
      entries.push(entry);
      sink?.append(entry);
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
    get(seq) {
      // Entries are in seq order with no gaps until trimmed: look where it would be first.
      const first = entries[0]?.seq ?? 0;
      const guess = entries[seq - first];
      return guess?.seq === seq ? guess : entries.find((e) => e.seq === seq);
    },
    restore(kept, to) {
      const last = kept.at(-1)?.seq ?? 0;
      const since = entries.map((e, i) => ({ ...e, seq: last + i + 1 }));
      entries = [...kept, ...since].slice(-capacity);
      seq = last + since.length;
      sink = to;
      for (const entry of since) sink?.append(entry);
    },
    clear() {
      entries = [];
      sink?.clear();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
