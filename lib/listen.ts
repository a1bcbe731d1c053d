// Serves a fetch handler on a TCP socket and closes it again: the one start-up of every server here.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

export type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>;

export interface Listening {
  /** Built from the socket's own address, e.g. `http://127.0.0.1:4010` or `http://[::1]:4010`. */
  url: string;
  port: number;
  /** The address the socket is bound to (not the one asked for). */
  address: AddressInfo;
  /** Stops accepting, drops open connections (keep-alive, event streams); resolves once closed. */
  close(): Promise<void>;
}

/** `http://host:port` for a bound address; IPv6 hosts go in brackets. */
export function urlOf(address: Pick<AddressInfo, 'address' | 'port'>): string {
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** Listens on `host:port` (port 0 = any free port); rejects with the socket's error, e.g. EADDRINUSE. */
export function listen(fetch: FetchHandler, port = 0, host = '127.0.0.1'): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: host }, () => {
      const address = server.address() as AddressInfo;
      let closed: Promise<void> | undefined;
      resolve({
        url: urlOf(address),
        port: address.port,
        address,
        close() {
          closed ??= new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          });
          return closed;
        },
      });
    });
    server.once('error', reject);
  });
}
