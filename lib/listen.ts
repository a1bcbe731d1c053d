// Serves a fetch handler on a TCP socket and closes it again: the one start-up of every server here.
import { createServer, type IncomingMessage, type Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';

export type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>;

export interface Listening {
  /** Built from the socket's own address, e.g. `http://127.0.0.1:4010` or `http://[::1]:4010`. */
  url: string;
  port: number;
  /** The address the socket is bound to (not the one asked for). */
  address: AddressInfo;
  /**
   * Stops accepting at once (new connections are refused), closes idle keep-alive connections and
   * event streams, lets requests in flight finish for up to `drainMs`, then drops what is left;
   * resolves once closed. A second call waits for the same.
   */
  close(): Promise<void>;
}

/** Sees each request first: returns true when it answered it, false to leave it to the fetch handler. */
export type Intercept = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface ListenOptions {
  /** How long a stop lets requests in flight finish before dropping them (default 5 000 ms). */
  drainMs?: number;
  /** Resolves after `ms` (default a real, unref'd timer); tests pass one they control. */
  wait?: (ms: number) => Promise<void>;
  /** Answers some requests on node:http directly (a hot path without web objects); drained alike. */
  intercept?: Intercept;
}

export const DEFAULT_DRAIN_MS = 5_000;

/** `http://host:port` for a bound address; IPv6 hosts go in brackets. */
export function urlOf(address: Pick<AddressInfo, 'address' | 'port'>): string {
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

const realWait = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms).unref());

/** A response that never ends by itself: a server-sent event stream. */
const isEventStream = (response: Response): boolean =>
  (response.headers.get('content-type') ?? '').startsWith('text/event-stream');

/** Listens on `host:port` (port 0 = any free port); rejects with the socket's error, e.g. EADDRINUSE. */
export function listen(
  fetch: FetchHandler,
  port = 0,
  host = '127.0.0.1',
  options: ListenOptions = {},
): Promise<Listening> {
  const drainMs = options.drainMs ?? DEFAULT_DRAIN_MS;
  const wait = options.wait ?? realWait;
  /** Responses not yet finished: the drain waits for them. */
  const open = new Set<ServerResponse>();
  /** …of which these are event streams, closed at once on a stop. */
  const streams = new WeakSet<ServerResponse>();
  let onFinished: (() => void) | undefined;

  const drain = async (server: Server): Promise<void> => {
    const closed = new Promise<void>((done) => server.close(() => done()));
    server.closeIdleConnections();
    for (const response of open) if (streams.has(response)) response.destroy();
    const drained = new Promise<void>((done) => {
      onFinished = () => {
        // A keep-alive connection whose request just finished is idle now: close it too.
        server.closeIdleConnections();
        if (open.size === 0) done();
      };
    });
    onFinished?.();
    await Promise.race([drained, wait(drainMs)]);
    onFinished = undefined;
    server.closeAllConnections();
    await closed;
  };

  // The node adapter passes the socket's response as `env.outgoing`: note which answer a stream.
  const handler: FetchHandler = async (request, env) => {
    const response = await fetch(request, env);
    const outgoing = (env as { outgoing?: unknown } | undefined)?.outgoing;
    if (outgoing instanceof ServerResponse && isEventStream(response)) streams.add(outgoing);
    return response;
  };

  // What @hono/node-server's serve() does, with room for `intercept` in front of the listener.
  const listener = getRequestListener(handler, { hostname: host });
  const intercept = options.intercept;
  const server = createServer(
    intercept
      ? (req, res) => {
          if (!intercept(req, res)) void listener(req, res);
        }
      : (req, res) => void listener(req, res),
  );
  return new Promise((resolve, reject) => {
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      let closed: Promise<void> | undefined;
      resolve({
        url: urlOf(address),
        port: address.port,
        address,
        close() {
          closed ??= drain(server);
          return closed;
        },
      });
    });
    server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
      open.add(response);
      response.once('close', () => {
        open.delete(response);
        onFinished?.();
      });
    });
    server.once('error', reject);
  });
}
