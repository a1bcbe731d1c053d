// TeleSign posts callbacks over HTTPS to port 443 only; the fake also lets loopback receivers in.
import { isIP } from 'node:net';

export type CallbackUrlVerdict = { ok: true; note?: string } | { ok: false; hint: string };

export interface CallbackUrlRuleOptions {
  /** The field named in hints and notes: `callback_url` (a send, an account) or `url` (PUT callback-url). */
  field?: string;
  /**
   * Host names that the fake's own `fetch` reaches inside this process (the in-process transport's
   * `channel.local`): they are as local as 127.0.0.1, so they get the loopback treatment (accepted
   * with a note), never more.
   */
  inProcessHosts?: readonly string[];
}

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);

/** `localhost`, 127.0.0.0/8 and ::1: receivers on this machine, which TeleSign could not reach. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (LOOPBACK_NAMES.has(host) || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

/**
 * TeleSign's Transaction Callback Service posts to HTTPS on port 443 (reference/telesign.md §11.5).
 * A loopback URL (or one of `inProcessHosts`) is accepted with a note, so that local receivers work.
 * The same rule holds for a send's `callback_url` and for the account's callback URL.
 */
export function checkCallbackUrl(
  value: string,
  options: CallbackUrlRuleOptions = {},
): CallbackUrlVerdict {
  const field = options.field ?? 'callback_url';
  if (value.length > 2048) return { ok: false, hint: `${field} is longer than 2048 characters` };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, hint: `${field} is not an absolute URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, hint: `${field} must be https://, not ${url.protocol}//` };
  }
  const local =
    isLoopbackHost(url.hostname) ||
    (options.inProcessHosts ?? []).includes(url.hostname.toLowerCase());
  if (local) {
    if (url.protocol === 'https:' && (url.port === '' || url.port === '443')) return { ok: true };
    return {
      ok: true,
      note: `${field} ${url.origin} accepted because it is a ${isLoopbackHost(url.hostname) ? 'loopback' : 'in-process'} host; TeleSign would refuse it (HTTPS on port 443 only)`,
    };
  }
  if (url.protocol !== 'https:') {
    return {
      ok: false,
      hint: `${field} must be https:// (TeleSign posts callbacks over HTTPS only)`,
    };
  }
  if (url.port !== '' && url.port !== '443') {
    return { ok: false, hint: `${field} must use port 443, not ${url.port}` };
  }
  return { ok: true };
}
