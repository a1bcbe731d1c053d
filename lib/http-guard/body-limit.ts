// The body limit, enforced while reading: a declared Content-Length over the limit is refused
// before a byte is read; a body without one (chunked) is counted as it streams and refused as soon
// as it passes the limit, so no server buffers more than the limit whatever a client sends.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export interface BodyLimitOptions {
  maxBytes?: number;
  /** The answer to a body over the limit (may throw, for an app's one error handler). */
  onTooLarge: (c: Context) => Response | Promise<Response>;
}

/**
 * hono's bodyLimit looks at `c.req.raw.body` first, which makes @hono/node-server build a full fetch
 * `Request` (a web stream, an AbortController) for every request and loses its fast `text()` path;
 * that alone cost about a sixth of the inbound callback's CPU time. The decision is the same as
 * hono's: a declared length without Transfer-Encoding is compared (Node reads no more than it);
 * anything else is counted by hono's bodyLimit, which stops reading at the limit.
 */
export function bodyLimitWhileReading(options: BodyLimitOptions): MiddlewareHandler {
  const maxSize = options.maxBytes ?? DEFAULT_MAX_BODY_BYTES;
  const tooLarge = (c: Context) => {
    // The rest of the body is not wanted: close the connection instead of draining it.
    c.header('connection', 'close');
    return options.onTooLarge(c);
  };
  const counted = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined)
      return counted(c, next);
    if (Number.parseInt(length || '0', 10) > maxSize) return tooLarge(c);
    return next();
  };
}
