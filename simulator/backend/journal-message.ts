// Snapshots of an HTTP exchange for the journal: headers as a plain object, secrets masked, bodies cut.
import type { JournalMessage } from './journal';

export const MAX_JOURNAL_BODY = 64 * 1024;

const cut = (body: string): string =>
  body.length > MAX_JOURNAL_BODY
    ? `${body.slice(0, MAX_JOURNAL_BODY)}… (${body.length - MAX_JOURNAL_BODY} more characters)`
    : body;

/** Basic credentials carry the API key itself: the journal keeps only the customer id. */
function mask(name: string, value: string): string {
  if (name !== 'authorization' || !/^basic /i.test(value)) return value;
  const decoded = Buffer.from(value.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return `Basic (${colon > 0 ? decoded.slice(0, colon) : '?'}:<API key hidden>)`;
}

export function headersOf(headers: Headers | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  // Sorted by name, as a web Headers object lists them, whichever side the request came from.
  const entries =
    headers instanceof Headers
      ? headers.entries()
      : Object.entries(headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, value] of entries) out[name.toLowerCase()] = mask(name.toLowerCase(), value);
  return out;
}

export function journalMessage(
  parts: Omit<JournalMessage, 'headers' | 'body'> & {
    headers: Headers | Record<string, string>;
    body: string;
  },
): JournalMessage {
  return { ...parts, headers: headersOf(parts.headers), body: cut(parts.body) };
}
