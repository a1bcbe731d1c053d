// Writes TeleSign's JSON envelope for the faked API's error answers, and the fake's hint header.
import { teleSignTimestamp } from '../backend/timestamp';
import { TELESIGN_HTTP_STATUS } from '../errors/http-status';
import { describeProblem, type TeleSignProblem } from '../errors/telesign-codes';
import type { ApiAnswer } from './api-exchange';

/** The fake's own explanation, beside TeleSign's body; real clients ignore unknown headers. */
export const HINT_HEADER = 'x-sim-hint';

/** TeleSign's error body: `status` only (plus `external_id` where the send had one), never our words. */
export function problemBody(
  problem: TeleSignProblem,
  nowMs: number,
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    ...extra,
    status: {
      code: problem.code,
      description: describeProblem(problem),
      updated_on: teleSignTimestamp(nowMs),
    },
  });
}

/** A header value carries printable ASCII only; anything else (a client's text) becomes "?". */
export function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 2000);
}

/** A TeleSign error answer; the HTTP status comes from the one mapping in errors/http-status. */
export function problemAnswer(
  problem: TeleSignProblem,
  nowMs: number,
  extra: Record<string, unknown> = {},
): ApiAnswer {
  return {
    status: TELESIGN_HTTP_STATUS[problem.code],
    headers: {
      'Content-Type': 'application/json',
      ...(problem.hint !== undefined ? { [HINT_HEADER]: headerSafe(problem.hint) } : {}),
    },
    body: problemBody(problem, nowMs, extra),
  };
}

/** The answer to a bug (or a failed write) rather than bad input: TeleSign's 500 shape, with why. */
export function internalErrorAnswer(error: unknown, nowMs: number): ApiAnswer {
  return {
    status: 500,
    headers: {
      'Content-Type': 'application/json',
      [HINT_HEADER]: headerSafe(
        `internal error in the simulator: ${error instanceof Error ? error.message : String(error)}`,
      ),
    },
    body: problemBody({ code: -40006 }, nowMs),
  };
}

/** An answer of the exchange as a web Response (hono's side). */
export function toResponse(answer: ApiAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
