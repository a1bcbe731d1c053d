// Which browser origins a local server lets in besides a page's own: exact origins, and one pattern
// form, `http://*.localhost:4020`, for the console's aliases under `*.localhost` (decision 050).

const PATTERN = /^([a-z][a-z0-9+.-]*):\/\/\*\.([a-z0-9.-]+)(:\d{1,5})?$/;
const ORIGIN = /^([a-z][a-z0-9+.-]*):\/\/([a-z0-9.-]+)(:\d{1,5})?$/;
const LABELS = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+$/;

/**
 * Whether `origin` (a request's `Origin` header) is one of `allowed`: the same origin (scheme, host,
 * port; case does not matter), or matched by a `scheme://*.suffix:port` entry — one or more DNS
 * labels before `.suffix`, the same scheme and port. Nothing else is a pattern (no bare `*`).
 */
export function isAllowedOrigin(origin: string, allowed: readonly string[]): boolean {
  const value = origin.toLowerCase();
  const parts = ORIGIN.exec(value);
  for (const raw of allowed) {
    const entry = raw.toLowerCase();
    if (entry === value) return true;
    const pattern = PATTERN.exec(entry);
    if (!pattern || !parts) continue;
    const [, scheme, suffix, port = ''] = pattern;
    const [, originScheme, host = '', originPort = ''] = parts;
    if (scheme !== originScheme || port !== originPort || !host.endsWith(`.${suffix}`)) continue;
    if (LABELS.test(host.slice(0, host.length - (suffix ?? '').length))) return true;
  }
  return false;
}
