// One faked-API exchange, apart from any HTTP framework: faults, body limit, TSA/Basic
// authentication, rate limit, the route, and the journal entry. Both hono (every route) and the
// node:http fast path of POST /v1/messaging (wire-send.ts) run requests through it.
import { stringToSign } from '../../lib/telesign-signing';
import { parseAuthorization } from '../backend/authenticate';
import type { Backend } from '../backend/backend';
import { journalMessage } from '../backend/journal-message';
import type { AccountRecord } from '../backend/world-store';
import type { TeleSignProblem } from '../errors/telesign-codes';
import { MAX_BODY_BYTES, signedResource } from './read-body';
import { internalErrorAnswer, problemAnswer } from './telesign-envelope';

/** A request as the exchange needs it; header names are lower case. */
export interface ApiRequest {
  method: string;
  /** The full URL, `http://host/path?query`. */
  url: string;
  /** The path, base path included. */
  path: string;
  header(name: string): string | undefined;
  /** Every header, for the journal. */
  headers: Headers | Record<string, string>;
  /** The body text, or null when it is larger than MAX_BODY_BYTES (the rest is not read). */
  body(): Promise<string | null>;
}

/** An answer as sent: header names as they go on the wire. */
export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/** What a route knows and tells about the exchange (for its answer and the journal). */
export interface ApiCall {
  request: ApiRequest;
  /** Set before the route runs. */
  account: AccountRecord;
  body: string;
  /** The TeleSign code of the answer. */
  teleSignCode?: number;
  referenceId?: string;
  /** The fake's explanation of an error answer (journal and `x-sim-hint`). */
  hint?: string;
  /** What the fake did that TeleSign would do differently, for the journal. */
  notes: string[];
  /** The handset concerned (a send's `phone_number`). */
  phone?: string;
  /** TSA: the string-to-sign, once authentication built it. */
  signed?: string;
}

export type ApiRoute = (call: ApiCall) => ApiAnswer | Promise<ApiAnswer>;

export interface ApiExchangeOptions {
  backend: Backend;
  basePath: string;
  /** Real-time ceiling of a `hang` fault (it also ends when faults are cleared). */
  hangMs: number;
  /** Resolves when the simulator closes, releasing hung requests. */
  closing: Promise<void>;
}

export type ApiExchange = (request: ApiRequest, route: ApiRoute) => Promise<ApiAnswer>;

/** A TeleSign error answer, noted on the call for the journal. */
export function failCall(
  call: Pick<ApiCall, 'teleSignCode' | 'hint'>,
  problem: TeleSignProblem,
  nowMs: number,
  extra: Record<string, unknown> = {},
): ApiAnswer {
  call.teleSignCode = problem.code;
  if (problem.hint !== undefined) call.hint = problem.hint;
  return problemAnswer(problem, nowMs, extra);
}

export function createApiExchange(options: ApiExchangeOptions): ApiExchange {
  const { backend, basePath } = options;
  const now = (): number => backend.clock.now();
  const hang = (): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      };
      const timer = setTimeout(done, options.hangMs);
      timer.unref?.();
      const unsubscribe = backend.faults.onClear(done);
      void options.closing.then(done);
    });

  return async (request, route) => {
    const started = performance.now();
    const authorization = request.header('authorization');
    const hinted = authorization ? parseAuthorization(authorization)?.customerId : undefined;
    const hintedCid = hinted?.toUpperCase();
    const { method, path } = request;
    // Filled in as the exchange goes; `account` and `body` are set before any route runs.
    const call = { request, notes: [], body: '' } as unknown as ApiCall;

    const finish = (answer: ApiAnswer, what: string, customerId = hintedCid): ApiAnswer => {
      const detail = [what, ...(call.hint !== undefined ? [call.hint] : []), ...call.notes].join(
        '; ',
      );
      backend.journal.record({
        kind: 'api',
        ...(customerId !== undefined ? { customerId } : {}),
        ...(call.referenceId !== undefined ? { referenceId: call.referenceId } : {}),
        ...(call.phone !== undefined ? { phone: call.phone } : {}),
        method,
        path,
        status: answer.status,
        ...(call.teleSignCode !== undefined ? { code: call.teleSignCode } : {}),
        latencyMs: Math.round((performance.now() - started) * 100) / 100,
        ...(authorization?.startsWith('TSA ')
          ? {
              signature: authorization.split(':')[1] ?? '',
              signed:
                call.signed ??
                stringToSign({
                  method,
                  contentType: request.header('content-type') ?? '',
                  date: request.header('date'),
                  xTsDate: request.header('x-ts-date'),
                  authMethod: request.header('x-ts-auth-method'),
                  nonce: request.header('x-ts-nonce'),
                  body: call.body,
                  resource: signedResource(request.url, basePath),
                }),
            }
          : {}),
        request: journalMessage({
          method,
          url: request.url,
          headers: request.headers,
          body: call.body,
        }),
        response: journalMessage({
          status: answer.status,
          headers: answer.headers,
          body: answer.body ?? '',
        }),
        detail,
      });
      return answer;
    };

    const fault = backend.faults.takeApi(hintedCid);
    if (fault) {
      if (fault === 'hang') await hang();
      const answer: ApiAnswer =
        fault === 'non-json'
          ? {
              status: 500,
              headers: { 'Content-Type': 'text/plain; charset=UTF-8' },
              body: 'Internal Server Error',
            }
          : fault === 'empty'
            ? { status: 500, headers: {}, body: null }
            : failCall(call, { code: -90001, hint: 'injected fault: unavailable' }, now());
      return finish(answer, `injected fault: ${fault}`);
    }

    const body = await request.body();
    call.body = body ?? '';
    if (body === null) {
      const answer = failCall(
        call,
        { code: -40006, hint: `the body is larger than ${MAX_BODY_BYTES / 1024} KB` },
        now(),
      );
      // The rest of the body is not wanted: close the connection instead of draining it.
      answer.headers.connection = 'close';
      return finish(answer, 'body too large');
    }
    const verdict = backend.authenticate({
      method,
      resource: signedResource(request.url, basePath),
      contentType: request.header('content-type') ?? '',
      body,
      authorization,
      date: request.header('date'),
      xTsDate: request.header('x-ts-date'),
      authMethod: request.header('x-ts-auth-method'),
      nonce: request.header('x-ts-nonce'),
    });
    if (!verdict.ok) {
      return finish(failCall(call, verdict.problem, now()), 'authentication failed');
    }
    const { account } = verdict;
    if (verdict.signed !== undefined) call.signed = verdict.signed;
    if (!backend.rateLimiter.take(account.customerId, account.rateLimitPerSecond)) {
      const answer = failCall(
        call,
        {
          code: 10019,
          hint: `at most ${account.rateLimitPerSecond} requests per second for this account`,
        },
        now(),
      );
      return finish(answer, 'rate limited', account.customerId);
    }
    call.account = account;
    let answer: ApiAnswer;
    try {
      answer = await route(call);
    } catch (error) {
      // A bug or a failed write, not bad input: TeleSign's 500 shape, journaled like any answer.
      console.error('fake TeleSign: unexpected error', error);
      answer = internalErrorAnswer(error, now());
    }
    return finish(answer, `${verdict.scheme} ${method} ${path}`, account.customerId);
  };
}
