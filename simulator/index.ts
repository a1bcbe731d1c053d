// Builds the fake TeleSign in-process: createSimulator() → { app, backend, listen, close }.
import { type FetchHandler, type Listening, listen } from '../lib/listen';
import { createApp } from './app';
import { type Backend, type BackendOptions, createBackend } from './backend/backend';

export type { Backend } from './backend/backend';
export type { DeliveryPolicy, DeliverySetting } from './backend/delivery-policy';
export type { JournalEntry } from './backend/journal';
export type { FileTrafficOptions, TrafficStore } from './backend/traffic-store';
export { createMemoryTraffic } from './backend/traffic-store';
export { createMemoryStorage, emptyWorld, type WorldData } from './backend/world-store';
export { createFileStorage, type FileStorage } from './file-storage';

export interface SimulatorOptions extends BackendOptions {
  /** A path prefix of the faked API (clients sign the path without it), e.g. "/telesign". */
  basePath?: string;
  /** Real-time ceiling for a `hang` fault, in ms (default 120 000). */
  hangMs?: number;
}

export interface Simulator {
  app: ReturnType<typeof createApp>;
  backend: Backend;
  /** Serves the app on a socket; `wrap` sees every request first (e.g. `npm run sim --record`). */
  listen(
    port?: number,
    host?: string,
    wrap?: (handler: FetchHandler) => FetchHandler,
  ): Promise<{ url: string; port: number }>;
  /** Carries on deliveries kept in flight from an earlier run, when created with `resumeOnLoad: false`. */
  resumeDeliveries(): Promise<number>;
  /** Stops listening, cancels pending deliveries and callbacks, and closes the traffic store. */
  close(): Promise<void>;
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const backend = createBackend(options);
  let release: () => void = () => {};
  const closing = new Promise<void>((resolve) => {
    release = resolve;
  });
  const app = createApp(backend, {
    basePath: options.basePath ?? '',
    hangMs: options.hangMs ?? 120_000,
    closing,
  });
  let server: Listening | undefined;

  return {
    app,
    backend,
    async listen(port = 0, host = '127.0.0.1', wrap) {
      await backend.ready;
      server = await listen(wrap ? wrap(app.fetch) : app.fetch, port, host);
      return { url: server.url, port: server.port };
    },
    resumeDeliveries: () => backend.resumeDeliveries(),
    async close() {
      release();
      backend.messages.pause();
      backend.callbacks.reset();
      await server?.close();
      server = undefined;
      await backend.stop();
    },
  };
}
