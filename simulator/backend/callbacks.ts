// Posts signed callbacks (delivery reports, inbound SMS) and retries them on TeleSign's schedule; the plan survives a restart.
import type { Clock, TimerHandle } from '../../lib/clock';
import { postText } from '../../lib/http-post';
import { createCallbackPost, type Outcome, postWithFetch } from './callback-post';
import type {
  CallbackAttempt,
  CallbackJob,
  CallbackPlan,
  CallbackRecord,
  SavedCallback,
  StoredJob,
} from './callback-types';
import type { Faults } from './faults';
import type { Journal } from './journal';

export type {
  CallbackAttempt,
  CallbackJob,
  CallbackKind,
  CallbackRecord,
  CallbackState,
} from './callback-types';

export interface CallbackOptions {
  clock: Clock;
  /** How attempts go out; default: node:http with kept-alive connections (`lib/http-post.ts`). */
  fetch?: typeof fetch;
  journal: Journal;
  faults: Faults;
  /** Waits between attempts, in ms: TeleSign tries at 0 s, then +10 s, then +30 s. */
  retryDelaysMs?: readonly number[];
  /** Real-time limit for one attempt before it counts as a connection error. */
  attemptTimeoutMs?: number;
  /**
   * Hears a callback's record whenever its plan changes (before each attempt, after it): `next` is
   * the attempt it waits for (null: none, delivered or abandoned); `job` comes with the first one.
   */
  persist?(record: CallbackRecord, next: CallbackPlan | null, job?: StoredJob): void;
  /** The API key that signs a callback kept from an earlier run; null: the account is gone. */
  apiKeyOf?(customerId: string): string | null;
  /** The account's callback URL now, for a kept callback that was going to the account's URL. */
  accountUrlOf?(customerId: string): string | null;
  /** Abandoned callbacks remembered, oldest forgotten first (default 10 000). */
  abandonedLimit?: number;
}

export interface Callbacks {
  /** Makes the first attempt (unless a fault delays or holds it) and returns the record. */
  dispatch(job: CallbackJob): Promise<CallbackRecord>;
  /** New callbacks take ids above `id` (ids kept from an earlier run stay unique). */
  continueIdsAfter(id: number): void;
  /** Callbacks given up after their last attempt (kept across restarts), oldest first. */
  abandoned(): CallbackRecord[];
  /** Sends an abandoned callback once more; null when no abandoned callback has that id. */
  redeliver(id: number): Promise<CallbackRecord | null>;
  /** Takes back callbacks kept from an earlier run: abandoned ones at once, pending ones at `resume`. */
  restore(saved: readonly SavedCallback[]): void;
  /** Schedules the restored pending attempts at their planned time (overdue ones at once); returns how many. */
  resume(): number;
  /** Cancels pending attempts (closing); what is kept on disk stays. */
  pause(): void;
  reset(): void;
}

export const DEFAULT_RETRY_DELAYS_MS = [10_000, 30_000] as const;
const HOLD_LIMIT_MS = 60_000;

/** A job as it is kept (no API key) or as it runs (with one). */
type KeptJob = StoredJob & { apiKey?: string };

export function createCallbacks(options: CallbackOptions): Callbacks {
  const { clock, journal, faults } = options;
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const abandonedLimit = options.abandonedLimit ?? 10_000;
  const send = createCallbackPost({
    clock,
    post: options.fetch ? postWithFetch(options.fetch) : postText,
    journal,
    timeoutMs: options.attemptTimeoutMs ?? 10_000,
  });
  const timers = new Set<TimerHandle>();
  let held: { record: CallbackRecord; job: CallbackJob; attempt: number }[] = [];
  /** Callbacks whose last attempt failed, with what it takes to send them again (§11.12). */
  const abandoned = new Map<number, { record: CallbackRecord; job: KeptJob }>();
  let restored: SavedCallback[] = [];
  let nextId = 1;

  const persist = options.persist ?? (() => {});
  const stored = (job: KeptJob): StoredJob => {
    const { apiKey: _key, ...rest } = job;
    return rest;
  };
  /** A kept job made sendable again: today's key, and the account's URL now if it was the account's. */
  const runnable = (record: CallbackRecord, job: KeptJob): CallbackJob | null => {
    const apiKey = job.apiKey ?? options.apiKeyOf?.(job.customerId) ?? null;
    if (apiKey === null) return null;
    const url = (job.accountUrl && options.accountUrlOf?.(job.customerId)) || job.url;
    record.url = url;
    return { ...job, apiKey, url };
  };
  const giveUp = (record: CallbackRecord, job: KeptJob): void => {
    abandoned.delete(record.id);
    abandoned.set(record.id, { record, job });
    for (const id of abandoned.keys()) {
      if (abandoned.size <= abandonedLimit) break;
      abandoned.delete(id);
    }
  };

  const later = (at: number, task: () => Promise<void>, label: string): void => {
    const handle = clock.schedule(
      at,
      async () => {
        timers.delete(handle);
        await task();
      },
      label,
    );
    timers.add(handle);
  };

  /** After an attempt: delivered, abandoned, or the next attempt planned. */
  const settle = (
    record: CallbackRecord,
    job: CallbackJob,
    result: CallbackAttempt,
  ): CallbackPlan | null => {
    if (record.state === 'delivered') return null;
    if (result.status === 200) {
      record.state = 'delivered';
      return null;
    }
    const wait = delays[result.attempt - 1];
    if (wait === undefined) {
      record.state = 'failed';
      giveUp(record, job);
      // A state change, not an attempt: `callback` entries stay one per attempt.
      journal.record({
        kind: 'state',
        customerId: job.customerId,
        referenceId: job.referenceId,
        ...(job.phone !== undefined ? { phone: job.phone } : {}),
        method: 'POST',
        url: job.url,
        attempt: result.attempt,
        detail: `${job.kind} callback ${record.id} abandoned after ${record.attempts.length} attempts; redeliver it with POST /_sim/callbacks/${record.id}/redeliver`,
      });
      return null;
    }
    record.state = 'pending';
    const next = { attempt: result.attempt + 1, at: clock.now() + wait };
    later(
      next.at,
      () => attempt(record, job, next.attempt),
      `callback ${record.id} attempt ${next.attempt}`,
    );
    return next;
  };

  const releaseHeld = async (customerId: string): Promise<void> => {
    const ready = held.filter((h) => h.record.customerId === customerId);
    held = held.filter((h) => h.record.customerId !== customerId);
    for (const h of ready) await attempt(h.record, h.job, h.attempt, true);
  };

  const attempt = async (
    record: CallbackRecord,
    job: CallbackJob,
    n: number,
    skipFaults = false,
  ): Promise<void> => {
    const fault = skipFaults ? null : faults.takeCallback(job.customerId);
    if (fault?.kind === 'delay') {
      record.state = 'pending';
      const at = clock.now() + (fault.ms ?? 0);
      later(at, () => attempt(record, job, n, true), 'delayed callback');
      persist(record, { attempt: n, at });
      return;
    }
    if (fault?.kind === 'out-of-order') {
      record.state = 'held';
      held.push({ record, job, attempt: n });
      const at = clock.now() + HOLD_LIMIT_MS;
      later(
        at,
        async () => {
          if (held.some((h) => h.record === record)) {
            held = held.filter((h) => h.record !== record);
            await attempt(record, job, n, true);
          }
        },
        'held callback',
      );
      persist(record, { attempt: n, at });
      return;
    }
    const simulated: Outcome | undefined =
      fault?.kind === 'fail'
        ? { status: 500 }
        : fault?.kind === 'refuse'
          ? { status: null, error: 'ECONNREFUSED (injected fault)' }
          : undefined;
    const result = await send(record, job, n, simulated);
    if (fault?.kind === 'duplicate') await send(record, job, n, undefined, true);
    persist(record, settle(record, job, result));
    if (held.length > 0) await releaseHeld(job.customerId);
  };

  return {
    async dispatch(job) {
      const record: CallbackRecord = {
        id: nextId++,
        kind: job.kind,
        url: job.url,
        referenceId: job.referenceId,
        customerId: job.customerId,
        state: 'pending',
        attempts: [],
      };
      // Planned before it is tried: a crash during the attempt retries it after the restart.
      persist(record, { attempt: 1, at: clock.now() }, stored(job));
      await attempt(record, job, 1);
      return record;
    },
    continueIdsAfter(id) {
      nextId = Math.max(nextId, id + 1);
    },
    abandoned: () => [...abandoned.values()].map((a) => a.record),
    async redeliver(id) {
      const found = abandoned.get(id);
      const job = found && runnable(found.record, found.job);
      if (!found || !job) return null;
      abandoned.delete(id);
      journal.record({
        kind: 'control',
        customerId: job.customerId,
        referenceId: job.referenceId,
        detail: `callback ${id} redelivered on request`,
      });
      // One more attempt, as a person would after fixing the receiver; failing, it is abandoned again.
      const result = await send(found.record, job, found.record.attempts.length + 1);
      if (result.status === 200) found.record.state = 'delivered';
      else giveUp(found.record, found.job);
      persist(found.record, null);
      return found.record;
    },
    restore(saved) {
      for (const s of saved) {
        if (s.record.state === 'failed') giveUp(s.record, s.job);
        else if (s.next) restored.push(s);
      }
    },
    resume() {
      let resumed = 0;
      for (const { record, job: kept, next } of restored) {
        const job = runnable(record, kept);
        if (!job || !next) continue;
        record.state = 'pending';
        later(
          next.at,
          () => attempt(record, job, next.attempt),
          `callback ${record.id} attempt ${next.attempt} (kept)`,
        );
        resumed++;
      }
      restored = [];
      return resumed;
    },
    pause() {
      for (const handle of timers) clock.cancel(handle);
      timers.clear();
      held = [];
    },
    reset() {
      for (const handle of timers) clock.cancel(handle);
      timers.clear();
      held = [];
      abandoned.clear();
      restored = [];
    },
  };
}
