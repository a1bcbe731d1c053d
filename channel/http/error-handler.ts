// The one error handler: every thrown ChannelError or HttpError becomes `{ error: { code, message,
// rule, field? } }` with the status of error-status.ts; anything else is a bug, logged, 500.
import type { Context } from 'hono';
import { ChannelError } from '../domain/errors';
import { ERROR_STATUS } from './error-status';
import { HttpError } from './http-errors';
import type { ErrorEnvelope } from './schemas/error-envelope';

/** The envelope's schema is the contract (schemas/error-envelope.ts); details beyond it fail the tests. */
export type ErrorBody = ErrorEnvelope;
type ErrorExtras = Omit<ErrorEnvelope['error'], 'code' | 'message' | 'rule' | 'field'>;

export type UnexpectedErrorLogger = (
  error: unknown,
  context: { method: string; path: string },
) => void;

const defaultLogger: UnexpectedErrorLogger = (error, { method, path }) => {
  console.error(`channel: unexpected error on ${method} ${path}:`, error);
};

function channelErrorBody(error: ChannelError): ErrorBody {
  const { field: _field, message: _message, ...extra } = error.details;
  return {
    error: {
      code: error.code,
      message: error.message,
      rule: error.rule,
      ...(error.field ? { field: error.field } : {}),
      ...(extra as ErrorExtras),
    },
  };
}

/** Builds hono's `onError` with its logger injected (tests assert it is never called). */
export function createErrorHandler(log: UnexpectedErrorLogger = defaultLogger) {
  return (error: unknown, c: Context): Response => {
    if (error instanceof ChannelError) {
      return c.json(channelErrorBody(error), ERROR_STATUS[error.code]);
    }
    if (error instanceof HttpError) {
      const body: ErrorBody = {
        error: { code: error.code, message: error.message, rule: error.rule },
      };
      return c.json(body, ERROR_STATUS[error.code], error.headers);
    }
    log(error, { method: c.req.method, path: c.req.path });
    const body: ErrorBody = {
      error: { code: 'INTERNAL', message: new HttpError('INTERNAL').message, rule: 'HTTP' },
    };
    return c.json(body, ERROR_STATUS.INTERNAL);
  };
}
