// One callback attempt over the wire: signed with the account's key, timed, and journaled.
import type { Clock } from '../../lib/clock';
import type { PostText } from '../../lib/http-post';
import { callbackAuthHeaders } from '../../lib/telesign-signing';
import type { CallbackAttempt, CallbackJob, CallbackRecord } from './callback-types';
import type { Journal, JournalMessage } from './journal';
import { headersOf, journalMessage } from './journal-message';

/** How one attempt went; `answer` is the receiver's response when one came (not for simulated faults). */
export interface Outcome {
  status: number | null;
  error?: string;
  answer?: JournalMessage;
}

export interface CallbackPostOptions {
  clock: Clock;
  /** Sends one attempt: `postText` (node:http), or `postWithFetch(…)` where a test injects fetch. */
  post: PostText;
  journal: Journal;
  /** Real-time limit for one attempt before it counts as a connection error. */
  timeoutMs: number;
}

/** Makes attempt `n` of `job` (or records a simulated outcome), adds it to `record`, journals it. */
export type SendAttempt = (
  record: CallbackRecord,
  job: CallbackJob,
  n: number,
  simulated?: Outcome,
  duplicate?: boolean,
) => Promise<CallbackAttempt>;

export function createCallbackPost(options: CallbackPostOptions): SendAttempt {
  const { clock, journal, timeoutMs } = options;

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
      const answer = await options.post(job.url, requestHeaders(job), job.body, timeoutMs);
      return { status: answer.status, answer: journalMessage(answer) };
    } catch (error) {
      const failed = error as { code?: string; cause?: { code?: string }; message?: string };
      return { status: null, error: failed.cause?.code ?? failed.code ?? String(failed.message) };
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

  return async (record, job, attempt, simulated, duplicate = false) => {
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
}

/** `PostText` over an injected `fetch` (tests and in-process scenarios hand the fake one). */
export function postWithFetch(fetchFn: typeof fetch): PostText {
  return async (url, headers, body, timeoutMs) => {
    const response = await fetchFn(url, {
      method: 'POST',
      headers,
      body,
      // As over node:http: a redirect is the answer (TeleSign retries anything but 200).
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text().catch(() => '');
    return { status: response.status, headers: headersOf(response.headers), body: text };
  };
}
