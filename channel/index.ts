// The channel's entry point: wires clock, ids, store, the TeleSign SDK gateway and the service into
// the hono app, and listens on loopback. The inbound base URL is known once listening (port 0).
import type { Hono } from 'hono';
import { type Clock, createRealClock, every } from '../lib/clock';
import { namesForListenHost } from '../lib/http-guard/hosts';
import { createRandomIds, type Ids } from '../lib/ids';
import { type Listening, listen } from '../lib/listen';
import { createStore } from './adapters/store';
import { createSdkTeleSignGateway } from './adapters/telesign-gateway-sdk';
import { createChannelApp } from './http/app';
import type { UnexpectedErrorLogger } from './http/error-handler';
import { type ChannelStore, openChannelService } from './service';
import type { ChannelService } from './service/contract';
import type { TeleSignGateway } from './service/telesign-gateway';

export interface ChannelOptions {
  clock?: Clock;
  ids?: Ids;
  /** Persistence, not yet loaded; defaults to an in-memory store. */
  store?: ChannelStore;
  /** Where the SDK sends outbound SMS and probes, e.g. the fake TeleSign's URL. */
  telesignUrl: string;
  /** The channel's public base URL (for the inbound URL); defaults to the listening address. */
  publicUrl?: string;
  /** Replaces the SDK gateway (unit tests). */
  gateway?: TeleSignGateway;
  /** The SDK's timeout per TeleSign call (default 5000 ms). */
  telesignTimeoutMs?: number;
  /**
   * The SDK's transport to TeleSign (default: node-fetch over a socket). The scenario harness hands
   * it the fake's app in-process, so no step waits on a socket round trip (decision 051).
   */
  telesignFetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** Auto-close sweep interval on the clock (default 60 s; 0 turns the periodic sweep off). */
  sweepIntervalMs?: number;
  /**
   * An extra periodic offer dispatch on the clock (default 0 = none). Offers follow events (a
   * conversation becomes Open, an agent's presence or capacity changes, an offer is declined or
   * expires), so this is only a safety net; each tick costs a pass over the waiting conversations.
   */
  dispatchIntervalMs?: number;
  /** Unexpected errors (bugs) in requests and periodic tasks; defaults to console.error. */
  onUnexpectedError?: UnexpectedErrorLogger;
  /** Host names answered besides loopback and the listen host (`--allowed-host`). */
  allowedHosts?: readonly string[];
  /** Browser origins that may call besides same-origin pages (`--allowed-origin`). */
  allowedOrigins?: readonly string[] | (() => readonly string[]);
}

export interface Channel {
  app: Hono;
  service: ChannelService;
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  close(): Promise<void>;
}

const DEFAULT_CHANNEL_URL = 'http://127.0.0.1:4020';

/** Loads the store, starts the service and builds the app: everything is usable once it resolves. */
export async function openChannel(options: ChannelOptions): Promise<Channel> {
  const clock = options.clock ?? createRealClock();
  let baseUrl = options.publicUrl?.replace(/\/$/, '') ?? DEFAULT_CHANNEL_URL;
  const reportTask = (error: unknown): void =>
    (options.onUnexpectedError ?? ((e) => console.error('[channel]', e)))(error, {
      method: 'TASK',
      path: '(periodic)',
    });
  const service = await openChannelService({
    clock,
    ids: options.ids ?? createRandomIds(),
    store: options.store ?? createStore(),
    gateway:
      options.gateway ??
      createSdkTeleSignGateway({
        restEndpoint: options.telesignUrl,
        ...(options.telesignTimeoutMs ? { timeoutMs: options.telesignTimeoutMs } : {}),
        ...(options.telesignFetch ? { fetch: options.telesignFetch } : {}),
      }),
    inboundBaseUrl: () => baseUrl,
    sweepIntervalMs: options.sweepIntervalMs ?? 60_000,
    onError: reportTask,
  });
  let listenNames: string[] = [];
  const extraHosts = options.allowedHosts ?? [];
  const origins = options.allowedOrigins;
  const { app, streams } = createChannelApp({
    service,
    ...(options.onUnexpectedError ? { onUnexpectedError: options.onUnexpectedError } : {}),
    access: {
      allowedHosts: () => (listenNames.length ? [...extraHosts, ...listenNames] : extraHosts),
      allowedOrigins: typeof origins === 'function' ? origins : () => origins ?? [],
    },
  });

  const dispatchMs = options.dispatchIntervalMs ?? 0;
  const stopDispatch =
    dispatchMs > 0
      ? every(clock, dispatchMs, () => service.dispatch().catch(reportTask), 'channel dispatch')
      : () => undefined;

  let server: Listening | undefined;

  return {
    app,
    service,
    async listen(port = 0, host = '127.0.0.1') {
      listenNames = namesForListenHost(host);
      server = await listen(app.fetch, port, host);
      if (!options.publicUrl) baseUrl = server.url;
      return { url: server.url, port: server.port };
    },
    async close() {
      stopDispatch();
      streams.closeAll();
      await server?.close();
      server = undefined;
      await service.close();
    },
  };
}
