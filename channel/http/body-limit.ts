// The 64 KB body limit, decided from Content-Length when the request declares one, so the body stays
// unread until a handler reads it; only bodies without a declared length go through hono's bodyLimit.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpError } from './http-errors';

/**
 * hono's bodyLimit looks at `c.req.raw.body` first, which makes @hono/node-server build a full fetch
 * `Request` (a web stream, an AbortController) for every request and loses its fast `text()` path;
 * that alone cost about a sixth of the inbound callback's CPU time. The decision is the same as
 * hono's: a declared length without Transfer-Encoding is compared; anything else is counted.
 */
export function declaredBodyLimit(maxSize: number): MiddlewareHandler {
  const tooLarge = (): never => {
    throw new HttpError('PAYLOAD_TOO_LARGE');
  };
  const counted = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined)
      return counted(c, next);
    if (Number.parseInt(length || '0', 10) > maxSize) tooLarge();
    return next();
  };
}
