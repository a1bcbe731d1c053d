// The console's front door: the shared local guard and body limit, and the headers that keep its
// pages its own — a Content-Security-Policy allowing only its own scripts, no framing, no sniffing.
import type { MiddlewareHandler } from 'hono';
import { bodyLimitWhileReading } from '../lib/http-guard/body-limit';
import { localGuard } from '../lib/http-guard/local-guard';
import { telesignUrlForPage } from './page-origin';

export interface ConsoleAccess {
  /** Host names answered besides loopback (the listen host, `--allowed-host`s). */
  allowedHosts?: () => readonly string[];
  /** Browser origins allowed besides the console's own pages (`--allowed-origin`s). */
  allowedOrigins?: () => readonly string[];
}

export const CONSOLE_MAX_BODY_BYTES = 64 * 1024;

/** The policy: scripts, styles, fetches only from the console itself, events also from TeleSign. */
export function contentSecurityPolicy(telesignUrl: string): string {
  let telesign = '';
  try {
    telesign = ` ${new URL(telesignUrl).origin}`;
  } catch {
    // No usable TeleSign URL: its live events stay off rather than widening the policy.
  }
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    // The tables' column widths are style attributes; no style element or sheet comes from elsewhere.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self'${telesign}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function consoleFrontDoor(access: ConsoleAccess, telesignUrl: string): MiddlewareHandler[] {
  const allowedHosts = access.allowedHosts ?? (() => []);
  return [
    async (c, next) => {
      await next();
      // The fake as this page reaches it: the page's own (allowed) host name, the fake's port.
      const policy = contentSecurityPolicy(
        telesignUrlForPage(telesignUrl, c.req.header('host'), allowedHosts()),
      );
      c.res.headers.set('content-security-policy', policy);
      c.res.headers.set('x-frame-options', 'DENY');
      c.res.headers.set('x-content-type-options', 'nosniff');
      c.res.headers.set('referrer-policy', 'same-origin');
    },
    localGuard(access),
    bodyLimitWhileReading({
      maxBytes: CONSOLE_MAX_BODY_BYTES,
      onTooLarge: (c) =>
        c.json(
          {
            error: {
              code: 'body_too_large',
              message: `The body is larger than ${CONSOLE_MAX_BODY_BYTES / 1024} KB.`,
            },
          },
          413,
        ),
    }),
  ];
}
