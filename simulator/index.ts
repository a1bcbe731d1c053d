// Builds the fake TeleSign in-process: createSimulator() → { app, backend, listen, close }.
import { namesForListenHost } from '../lib/http-guard/hosts';
import { type FetchHandler, type Listening, listen } from '../lib/listen';
import { createApp } from './app';
import { type Backend, type BackendOptions, createBackend } from './backend/backend';
import { createApiExchange } from './http/api-exchange';
import { messagingHandlers } from './http/messaging-routes';
import { createWireSend } from './http/wire-send';

export type { Backend } from './backend/backend';
export type { DeliveryPolicy, DeliverySetting } from './backend/delivery-policy';
export type { JournalEntry } from './backend/journal';
export {
  createFileJournalStore,
  createMemoryJournalStore,
  type JournalStore,
} from './backend/journal-store';
export type { FileTrafficOptions, TrafficStore } from './backend/traffic-store';
export { createMemoryTraffic } from './backend/traffic-store';
export { createMemoryStorage, emptyWorld, type WorldData } from './backend/world-store';
export { createFileStorage, type FileStorage } from './file-storage';

export interface SimulatorOptions extends BackendOptions {
  /** A path prefix of the faked API (clients sign the path without it), e.g. "/telesign". */
  basePath?: string;
  /** Real-time ceiling for a `hang` fault, in ms (default 120 000). */
  hangMs?: number;
  /** Host names answered besides loopback and the listen host (`--allowed-host`; `.x.test` = subdomains). */
  allowedHosts?: readonly string[];
  /**
   * Browser origins that may call, besides same-origin pages: the console's and `--allowed-origin`s.
   * A function when they are known only later (the console's port).
   */
  allowedOrigins?: readonly string[] | (() => readonly string[]);
}

export interface Simulator {
  app: ReturnType<typeof createApp>;
  backend: Backend;
  /**
   * Serves the app on a socket. `wrap` sees every request first (the recorder of `npm run sim`)
   * except plain sends, `POST /v1/messaging` answered on node:http directly (wire-send.ts): the
   * faked API's traffic is never a recorded step.
   */
  listen(
    port?: number,
    host?: string,
    wrap?: (handler: FetchHandler) => FetchHandler,
  ): Promise<{ url: string; port: number }>;
  /** Carries on deliveries kept in flight from an earlier run, when created with `resumeOnLoad: false`. */
  resumeDeliveries(): Promise<number>;
  /**
   * Stops listening (new connections refused, requests in flight answered within 5 s), then cancels
   * pending deliveries and callbacks and closes the traffic store.
   */
  close(): Promise<void>;
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const backend = createBackend(options);
  let release: () => void = () => {};
  const closing = new Promise<void>((resolve) => {
    release = resolve;
  });
  let listenNames: string[] = [];
  const extraHosts = options.allowedHosts ?? [];
  const origins = options.allowedOrigins;
  const basePath = options.basePath ?? '';
  const exchange = createApiExchange({
    backend,
    basePath,
    hangMs: options.hangMs ?? 120_000,
    closing,
  });
  const allowedHosts = () => (listenNames.length ? [...extraHosts, ...listenNames] : extraHosts);
  const app = createApp(backend, {
    basePath,
    exchange,
    closing,
    access: {
      allowedHosts,
      allowedOrigins: typeof origins === 'function' ? origins : () => origins ?? [],
    },
  });
  // POST /v1/messaging on node:http directly, through the same exchange and route as hono.
  const wireSend = createWireSend({
    exchange,
    send: messagingHandlers(backend).send,
    basePath,
    allowedHosts,
    now: () => backend.clock.now(),
  });
  let server: Listening | undefined;

  return {
    app,
    backend,
    async listen(port = 0, host = '127.0.0.1', wrap) {
      await backend.ready;
      listenNames = namesForListenHost(host);
      server = await listen(wrap ? wrap(app.fetch) : app.fetch, port, host, {
        intercept: wireSend,
      });
      return { url: server.url, port: server.port };
    },
    resumeDeliveries: () => backend.resumeDeliveries(),
    async close() {
      // Streams and hangs end now; requests in flight finish (bounded, see lib/listen.ts) while
      // deliveries and callbacks still run, so what they write lands before the stores close.
      release();
      await server?.close();
      server = undefined;
      await backend.stop();
    },
  };
}
