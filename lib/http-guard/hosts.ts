// Which names a local server answers to: loopback names, the address it listens on, and names the
// user allowed by flag. Anything else is what a DNS-rebinding page looks like (decision 043).
import { networkInterfaces } from 'node:os';

/** `Host` header → lower-case name without the port; IPv6 keeps its brackets. Null when malformed. */
export function hostnameOf(host: string): string | null {
  const value = host.trim().toLowerCase();
  if (value === '') return null;
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    if (end === -1) return null;
    const rest = value.slice(end + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return null;
    return value.slice(0, end + 1);
  }
  const match = /^([a-z0-9._-]+)(?::\d{1,5})?$/.exec(value);
  return match?.[1] ?? null;
}

/** `localhost`, `*.localhost`, `127.x.y.z` and `[::1]`: names that can only mean this machine. */
export function isLoopbackName(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127(?:\.\d{1,3}){3}$/.test(hostname) ||
    hostname === '[::1]'
  );
}

/** An address that listens on every interface. */
export function isWildcardHost(host: string): boolean {
  return ['0.0.0.0', '::', '[::]', '0:0:0:0:0:0:0:0'].includes(host.trim().toLowerCase());
}

/** A bind address as it appears in a Host header or a URL (IPv6 in brackets). */
export function urlHost(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address}]` : address;
}

/** This machine's addresses other machines can use (not loopback), IPv4 first, as in URLs. */
export function interfaceAddresses(
  interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces(),
): string[] {
  const all = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => !i.internal);
  const v4 = all.filter((i) => i.family === 'IPv4').map((i) => i.address);
  const v6 = all.filter((i) => i.family === 'IPv6' && !i.address.startsWith('fe80'));
  return [...v4, ...v6.map((i) => urlHost(i.address))];
}

/**
 * The names a server bound to `host` answers besides the loopback ones: the host itself, or every
 * interface address when it listens on all of them.
 */
export function namesForListenHost(
  host: string,
  interfaces: () => string[] = interfaceAddresses,
): string[] {
  if (isWildcardHost(host)) return interfaces().map((a) => a.toLowerCase());
  return [urlHost(host.toLowerCase())];
}

/** Loopback, or one of `allowed`: exact, or a `.suffix` entry that also admits its subdomains. */
export function isAllowedHostname(hostname: string, allowed: readonly string[]): boolean {
  if (isLoopbackName(hostname)) return true;
  for (const entry of allowed) {
    const name = entry.toLowerCase();
    if (name.startsWith('.')) {
      if (hostname === name.slice(1) || hostname.endsWith(name)) return true;
    } else if (hostname === name) return true;
  }
  return false;
}
