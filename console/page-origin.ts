// The fake TeleSign as a page's browser reaches it: the host name the page was loaded from (one the
// Host allow-list admitted), with the fake's port — so a console opened from another machine
// (`--host 0.0.0.0`) or under a `*.localhost` alias links and connects to the fake it can reach.
import { hostnameOf, isAllowedHostname } from '../lib/http-guard/hosts';

/**
 * `telesignUrl` with its host replaced by the name in `host` (the request's Host header), when
 * that name is one the console answers (loopback or `allowed`); otherwise `telesignUrl` unchanged.
 */
export function telesignUrlForPage(
  telesignUrl: string,
  host: string | undefined,
  allowed: readonly string[],
): string {
  if (host === undefined) return telesignUrl;
  const name = hostnameOf(host);
  if (name === null || !isAllowedHostname(name, allowed)) return telesignUrl;
  let url: URL;
  try {
    url = new URL(telesignUrl);
  } catch {
    return telesignUrl;
  }
  return `${url.protocol}//${name}${url.port ? `:${url.port}` : ''}`;
}
