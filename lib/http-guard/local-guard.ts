// The one front door of the three local servers (fake TeleSign, channel, console): answers only for
// names it serves, only browser pages of allowed origins, JSON bodies only where JSON is documented,
// plain paths only, and CORS for allowed origins alone (decision 043).
import type { Context, MiddlewareHandler } from 'hono';
import { hostnameOf, isAllowedHostname } from './hosts';
import { isAllowedOrigin } from './origins';
import { rawTarget, unsafePathReason } from './raw-path';
import {
  crossSiteRefused,
  hostRefused,
  mediaTypeRefused,
  originRefused,
  pathRefused,
  REFUSAL_CODE,
  type Refusal,
} from './refusals';

export interface LocalGuardOptions {
  /** Host names answered besides the loopback ones: the listen host, `--allowed-host`s. Read per request. */
  allowedHosts?: () => readonly string[];
  /**
   * Origins allowed besides the request's own (the console's, `--allowed-origin`s); an entry
   * `http://*.localhost:4020` admits every alias under `.localhost` on that port. Read per request.
   */
  allowedOrigins?: () => readonly string[];
  /** Whether a state-changing request to `path` must carry JSON; default every path. */
  jsonBody?: (path: string) => boolean;
  /** Renders a refusal in the server's own error shape; default `{ error: { code, message } }`. */
  refuse?: (c: Context, refusal: Refusal) => Response | Promise<Response>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CORS_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const CORS_HEADERS = 'content-type, accept, last-event-id';

const defaultRefuse = (c: Context, r: Refusal): Response =>
  c.json({ error: { code: REFUSAL_CODE[r.kind], message: r.message } }, r.status);

/** `application/json`, with or without parameters (`; charset=utf-8`). */
export function isJsonMediaType(contentType: string): boolean {
  return contentType.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

function hasBody(c: Context): boolean {
  const length = c.req.header('content-length');
  if (c.req.header('transfer-encoding') !== undefined) return true;
  return length !== undefined && length.trim() !== '0';
}

export function localGuard(options: LocalGuardOptions = {}): MiddlewareHandler {
  const allowedHosts = options.allowedHosts ?? (() => []);
  const allowedOrigins = options.allowedOrigins ?? (() => []);
  const jsonBody = options.jsonBody ?? (() => true);
  const refuse = options.refuse ?? defaultRefuse;

  return async (c, next) => {
    // Host: absent only on in-process requests (app.request), which no browser can make.
    const host = c.req.header('host');
    if (host !== undefined) {
      const name = hostnameOf(host);
      if (name === null || !isAllowedHostname(name, allowedHosts())) {
        return refuse(c, hostRefused(host));
      }
    }

    const reason = unsafePathReason(rawTarget(c.env) ?? new URL(c.req.url).pathname);
    if (reason !== null) return refuse(c, pathRefused(reason));

    const origin = c.req.header('origin');
    let corsOrigin: string | undefined;
    if (origin !== undefined) {
      const own = host !== undefined && origin.toLowerCase() === `http://${host.toLowerCase()}`;
      if (!own) {
        if (!isAllowedOrigin(origin, allowedOrigins())) {
          return refuse(c, originRefused(origin));
        }
        corsOrigin = origin;
      }
    } else {
      // A browser sends Origin on every cross-origin call but a GET; Sec-Fetch-* tells the rest.
      const site = c.req.header('sec-fetch-site');
      const mode = c.req.header('sec-fetch-mode');
      if ((site === 'cross-site' || site === 'same-site') && mode !== 'navigate') {
        return refuse(c, crossSiteRefused(site));
      }
    }

    const method = c.req.method;
    if (corsOrigin !== undefined) {
      c.header('access-control-allow-origin', corsOrigin);
      c.header('vary', 'Origin', { append: true });
      if (method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined) {
        c.header('access-control-allow-methods', CORS_METHODS);
        c.header('access-control-allow-headers', CORS_HEADERS);
        c.header('access-control-max-age', '600');
        return c.body(null, 204);
      }
    }

    if (!SAFE_METHODS.has(method) && jsonBody(c.req.path)) {
      const type = c.req.header('content-type');
      if (type !== undefined ? !isJsonMediaType(type) : hasBody(c)) {
        return refuse(c, mediaTypeRefused(method, c.req.path, type));
      }
    }
    await next();
  };
}
