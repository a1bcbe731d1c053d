// Paths with encoded dots, slashes or backslashes are refused before routing: URL parsers turn
// `%2e%2e` into `..`, so a guard that looks at one spelling and a router that sees another disagree.

const ENCODED = /%2e|%2f|%5c/i;
const DOT_SEGMENT = /(?:^|\/)\.{1,2}(?:\/|$)/;

/** Why a request target's path is refused, or null when it is plain. */
export function unsafePathReason(target: string): string | null {
  const query = target.indexOf('?');
  const path = query === -1 ? target : target.slice(0, query);
  if (ENCODED.test(path)) return 'an encoded dot, slash or backslash (%2e, %2f, %5c)';
  if (path.includes('\\')) return 'a backslash';
  if (DOT_SEGMENT.test(path)) return 'a "." or ".." segment';
  return null;
}

/** The request target exactly as it arrived on the socket (before any URL parser), when known. */
export function rawTarget(env: unknown): string | undefined {
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined;
  const incoming = (env as { incoming?: { url?: unknown } }).incoming;
  return typeof incoming?.url === 'string' ? incoming.url : undefined;
}
