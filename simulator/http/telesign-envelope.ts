// Writes TeleSign's JSON envelopes (status + errors) for the faked API's answers.
import type { Context } from 'hono';
import { TELESIGN_HTTP_STATUS } from '../errors/http-status';
import { describeProblem, type TeleSignProblem } from '../errors/telesign-codes';
import type { ApiEnv } from './api-env';

export function problemBody(problems: TeleSignProblem[], updatedOn: string): string {
  const first = problems[0];
  if (!first) throw new Error('problemBody needs at least one problem');
  const errors = problems.flatMap((p) =>
    p.errors ? p.errors : [{ code: p.code, description: describeProblem(p) }],
  );
  return JSON.stringify({
    status: { code: first.code, description: describeProblem(first), updated_on: updatedOn },
    errors,
  });
}

/** A TeleSign error answer; the HTTP status comes from the one mapping in errors/http-status. */
export function teleSignError(
  c: Context<ApiEnv>,
  problems: TeleSignProblem[],
  updatedOn: string,
): Response {
  const first = problems[0];
  const status = first ? TELESIGN_HTTP_STATUS[first.code] : 400;
  if (first) c.set('teleSignCode', first.code);
  return c.body(problemBody(problems, updatedOn), status, {
    'Content-Type': 'application/json',
  });
}
