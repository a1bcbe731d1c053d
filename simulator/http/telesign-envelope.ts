// Writes TeleSign's JSON envelope for the faked API's error answers, and the fake's hint header.
import type { Context } from 'hono';
import { teleSignTimestamp } from '../backend/timestamp';
import { TELESIGN_HTTP_STATUS } from '../errors/http-status';
import { describeProblem, type TeleSignProblem } from '../errors/telesign-codes';
import type { ApiEnv } from './api-env';

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
export function teleSignError(
  c: Context<ApiEnv>,
  problem: TeleSignProblem,
  nowMs: number,
  extra: Record<string, unknown> = {},
): Response {
  c.set('teleSignCode', problem.code);
  if (problem.hint !== undefined) c.set('hint', problem.hint);
  return c.body(problemBody(problem, nowMs, extra), TELESIGN_HTTP_STATUS[problem.code], {
    'Content-Type': 'application/json',
    ...(problem.hint !== undefined ? { [HINT_HEADER]: headerSafe(problem.hint) } : {}),
  });
}
