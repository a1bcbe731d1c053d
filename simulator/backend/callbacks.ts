// Posts signed callbacks (delivery reports, inbound SMS) and retries them on TeleSign's schedule.

import type { Clock, TimerHandle } from '../../lib/clock';
import { callbackAuthHeaders } from '../../lib/telesign-signing';
import type { Faults } from './faults';
import type { Journal, JournalMessage } from './journal';
import { journalMessage } from './journal-message';

export type CallbackKind = 'delivery-report' | 'inbound';

export interface CallbackJob {
  kind: CallbackKind;
  customerId: string;
  apiKey: string;
  url: string;
  referenceId: string;
  /** The handset the callback is about (a report's recipient, an inbound's sender). */
  phone?: string;
  body: string;
}

export interface CallbackAttempt {
  attempt: number;
  at: string;
  /** The receiver's HTTP status, null on a connection error. */
  status: number | null;
  error?: string;
  latencyMs: number;
  duplicate?: boolean;
}

export type CallbackState = 'pending' | 'held' | 'delivered' | 'failed';

export interface CallbackRecord {
  id: number;
  kind: CallbackKind;
  url: string;
  referenceId: string;
  customerId: string;
  state: CallbackState;
  attempts: CallbackAttempt[];
}

export interface CallbackOptions {
  clock: Clock;
  fetch: typeof fetch;
  journal: Journal;
  faults: Faults;
  /** Waits between attempts, in ms: TeleSign tries at 0 s, then +10 s, then +30 s. */
  retryDelaysMs?: readonly number[];
  /** Real-time limit for one attempt before it counts as a connection error. */
  attemptTimeoutMs?: number;
  /** Hears a callback's record after each attempt (to keep it across a restart). */
  onAttempted?(record: CallbackRecord): void;
}

export interface Callbacks {
  /** Makes the first attempt (unless a fault delays or holds it) and returns the record. */
  dispatch(job: CallbackJob): Promise<CallbackRecord>;
  /** New callbacks take ids above `id` (ids kept from an earlier run stay unique). */
  continueIdsAfter(id: number): void;
  /** Callbacks given up after their last attempt (this run), oldest first. */
  abandoned(): CallbackRecord[];
  /** Sends an abandoned callback once more; null when no abandoned callback has that id. */
  redeliver(id: number): Promise<CallbackRecord | null>;
  reset(): void;
}

/** How one attempt went; `answer` is the receiver's response when one came (not for simulated faults). */
interface Outcome {
  status: number | null;
  error?: string;
  answer?: JournalMessage;
}

export const DEFAULT_RETRY_DELAYS_MS = [10_000, 30_000] as const;
const HOLD_LIMIT_MS = 60_000;

export function createCallbacks(options: CallbackOptions): Callbacks {
  const { clock, journal, faults } = options;
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const timeoutMs = options.attemptTimeoutMs ?? 10_000;
  const timers = new Set<TimerHandle>();
  let held: { record: CallbackRecord; job: CallbackJob; attempt: number }[] = [];
  /** Callbacks whose last attempt failed, with what it takes to send them again (§11.12). */
  const abandoned = new Map<number, { record: CallbackRecord; job: CallbackJob }>();
  let nextId = 1;

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

  // One HMAC per job: the headers of every attempt and the journal's copy of them share it.
  const signed = new WeakMap<CallbackJob, Record<string, string>>();
  const requestHeaders = (job: CallbackJob): Record<string, string> => {
    let headers = signed.get(job);
    if (!headers) {
      headers = {
        'Content-Type': 'application/json',
        ...callbackAuthHeaders(job.customerId, job.apiKey, job.body),
      };
      signed.set(job, headers);
    }
    return headers;
  };

  const post = async (job: CallbackJob): Promise<Outcome> => {
    try {
      const response = await options.fetch(job.url, {
        method: 'POST',
        headers: requestHeaders(job),
        body: job.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = await response.text().catch(() => '');
      return {
        status: response.status,
        answer: journalMessage({ status: response.status, headers: response.headers, body }),
      };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      return { status: null, error: cause?.code ?? (error as Error).message };
    }
  };

  const log = (job: CallbackJob, result: CallbackAttempt, answer?: JournalMessage): void => {
    const outcome =
      result.status === null ? `connection error (${result.error})` : `HTTP ${result.status}`;
    journal.record({
      kind: 'callback',
      customerId: job.customerId,
      referenceId: job.referenceId,
      ...(job.phone !== undefined ? { phone: job.phone } : {}),
      method: 'POST',
      url: job.url,
      attempt: result.attempt,
      ...(result.status !== null ? { status: result.status } : {}),
      latencyMs: result.latencyMs,
      signature: requestHeaders(job)['X-TS-Authorization'] ?? '',
      // A callback's signature is the HMAC of its raw body alone.
      signed: job.body,
      request: journalMessage({
        method: 'POST',
        url: job.url,
        headers: requestHeaders(job),
        body: job.body,
      }),
      ...(answer ? { response: answer } : {}),
      detail: `${job.kind} attempt ${result.attempt}${result.duplicate ? ' (duplicate)' : ''}: ${outcome}`,
    });
  };

  const send = async (
    record: CallbackRecord,
    job: CallbackJob,
    attempt: number,
    simulated?: Outcome,
    duplicate = false,
  ): Promise<CallbackAttempt> => {
    const started = performance.now();
    const outcome = simulated ?? (await post(job));
    const result: CallbackAttempt = {
      attempt,
      at: new Date(clock.now()).toISOString(),
      status: outcome.status,
      ...(outcome.error !== undefined ? { error: outcome.error } : {}),
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      ...(duplicate ? { duplicate: true } : {}),
    };
    record.attempts.push(result);
    log(job, result, outcome.answer);
    return result;
  };

  const settle = (record: CallbackRecord, job: CallbackJob, result: CallbackAttempt): void => {
    if (record.state === 'delivered') return;
    if (result.status === 200) {
      record.state = 'delivered';
      return;
    }
    const wait = delays[result.attempt - 1];
    if (wait === undefined) {
      record.state = 'failed';
      abandoned.set(record.id, { record, job });
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
      return;
    }
    record.state = 'pending';
    later(
      clock.now() + wait,
      () => attempt(record, job, result.attempt + 1),
      `callback ${record.id} attempt ${result.attempt + 1}`,
    );
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
      later(clock.now() + (fault.ms ?? 0), () => attempt(record, job, n, true), 'delayed callback');
      return;
    }
    if (fault?.kind === 'out-of-order') {
      record.state = 'held';
      held.push({ record, job, attempt: n });
      later(
        clock.now() + HOLD_LIMIT_MS,
        async () => {
          if (held.some((h) => h.record === record)) {
            held = held.filter((h) => h.record !== record);
            await attempt(record, job, n, true);
          }
        },
        'held callback',
      );
      return;
    }
    const simulated =
      fault?.kind === 'fail'
        ? { status: 500 }
        : fault?.kind === 'refuse'
          ? { status: null, error: 'ECONNREFUSED (injected fault)' }
          : undefined;
    const result = await send(record, job, n, simulated);
    if (fault?.kind === 'duplicate') await send(record, job, n, undefined, true);
    settle(record, job, result);
    options.onAttempted?.(record);
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
      await attempt(record, job, 1);
      return record;
    },
    continueIdsAfter(id) {
      nextId = Math.max(nextId, id + 1);
    },
    abandoned: () => [...abandoned.values()].map((a) => a.record),
    async redeliver(id) {
      const found = abandoned.get(id);
      if (!found) return null;
      abandoned.delete(id);
      journal.record({
        kind: 'control',
        customerId: found.job.customerId,
        referenceId: found.job.referenceId,
        detail: `callback ${id} redelivered on request`,
      });
      // One more attempt, as a person would after fixing the receiver; failing, it is abandoned again.
      const result = await send(found.record, found.job, found.record.attempts.length + 1);
      if (result.status === 200) found.record.state = 'delivered';
      else abandoned.set(id, found);
      options.onAttempted?.(found.record);
      return found.record;
    },
    reset() {
      for (const handle of timers) clock.cancel(handle);
      timers.clear();
      held = [];
      abandoned.clear();
    },
  };
}
