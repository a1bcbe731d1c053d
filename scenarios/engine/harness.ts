// Starts an isolated world for one scenario: a fake TeleSign and a channel sharing one manual clock,
// seeded ids, in-memory storage; reached in-process (app.fetch) or over loopback sockets.
import { openChannel } from '../../channel/index';
import { createManualClock, type ManualClock } from '../../lib/clock';
import { createSeededIds } from '../../lib/ids';
import { createSimulator } from '../../simulator/index';
import {
  type ApiClient,
  createApiClient,
  type FetchLike,
  inProcessFetch,
} from '../world/http-client';

export type Transport = 'in-process' | 'sockets';

export interface HarnessOptions {
  transport?: Transport;
  seed?: string;
  start?: number;
  /** An extra periodic offer dispatch (virtual ms; default none: offers follow events). */
  dispatchIntervalMs?: number;
  sweepIntervalMs?: number;
}

/** An error no step asked for: thrown in a clock task, a channel request or a channel task. */
export interface UnexpectedError {
  /** Where it was thrown: `scheduled task "offer timeout"`, `channel POST /telesign/inbound/…`. */
  where: string;
  error: unknown;
  /** Virtual time it was thrown at. */
  at: number;
}

export interface Harness {
  clock: ManualClock;
  channel: ApiClient;
  telesign: ApiClient;
  channelFetch: FetchLike;
  telesignFetch: FetchLike;
  channelUrl: string;
  telesignUrl: string;
  settle(): Promise<void>;
  /**
   * Lets the traffic of building the world finish (validating an API key sends a test SMS whose
   * reports and loop-back arrive within a second or two), so it cannot consume a scenario's faults.
   */
  settleWorld(): Promise<void>;
  /** The channel's live events, as `GET /api/events` streams them (what the recorder listens to). */
  subscribe(
    listener: (event: {
      type: string;
      at: number;
      conversationId?: string;
      agentId?: string;
      reason?: string;
    }) => void,
  ): () => void;
  /** The unexpected errors since the last call (the runner fails the step they happened in). */
  takeUnexpected(): UnexpectedError[];
  close(): Promise<void>;
}

/** Virtual time given to the world's own traffic before the first step. */
export const WORLD_SETTLE_MS = 5000;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const transport =
    options.transport ?? (process.env.SCENARIO_TRANSPORT === 'sockets' ? 'sockets' : 'in-process');
  const seed = options.seed ?? 'scenario';
  // Errors are collected, not printed or dropped: the runner fails the step during which they happened.
  let unexpected: UnexpectedError[] = [];
  const clock: ManualClock = createManualClock(options.start, {
    onError: (error, label) =>
      unexpected.push({ where: `scheduled task "${label}"`, error, at: clock.now() }),
  });
  let deliverToChannel: FetchLike = fetch;
  const simulator = createSimulator({
    clock,
    ids: createSeededIds(`${seed}:telesign`),
    // The SDK signs with the wall-clock Date: on a manual clock the fake also accepts dates near the
    // wall clock (acceptWallClockDates), with TeleSign's real ±15 min and nonce window.
    fetch: (input: string | URL | Request, init?: RequestInit) => deliverToChannel(input, init),
    // In process, the fake's fetch delivers to the channel as `http://channel.local`: a host of this
    // process, given the loopback treatment of the callback URL rule (accepted with a note), no more.
    ...(transport === 'in-process' && { inProcessHosts: ['channel.local'] }),
  });
  // The channel's outbound SMS go through the official SDK. In-process, the SDK's transport is the
  // fake's app (it still builds, signs and reads every request), so no step waits on a socket round
  // trip, which a loaded machine can stretch past any virtual deadline (decision 051). Over
  // sockets, the fake listens and the SDK uses node-fetch, as in `npm run sim`.
  const telesignInProcess = inProcessFetch((request) => simulator.app.fetch(request));
  const telesignAddress =
    transport === 'sockets'
      ? await simulator.listen(0, '127.0.0.1')
      : { url: 'http://telesign.local' };
  const channel = await openChannel({
    clock,
    ids: createSeededIds(`${seed}:channel`),
    telesignUrl: telesignAddress.url,
    telesignTimeoutMs: 10_000,
    ...(transport === 'in-process' && { telesignFetch: telesignInProcess }),
    ...(options.dispatchIntervalMs !== undefined && {
      dispatchIntervalMs: options.dispatchIntervalMs,
    }),
    sweepIntervalMs: options.sweepIntervalMs ?? 60_000,
    onUnexpectedError: (error, { method, path }) =>
      unexpected.push({
        where: method === 'TASK' ? 'a channel task' : `channel ${method} ${path}`,
        error,
        at: clock.now(),
      }),
    ...(transport === 'in-process' && { publicUrl: 'http://channel.local' }),
  });
  let channelUrl = 'http://channel.local';
  let channelFetch: FetchLike;
  let telesignFetch: FetchLike;
  if (transport === 'sockets') {
    channelUrl = (await channel.listen(0, '127.0.0.1')).url;
    channelFetch = fetch;
    telesignFetch = fetch;
  } else {
    channelFetch = inProcessFetch((request) => channel.app.fetch(request));
    telesignFetch = telesignInProcess;
    deliverToChannel = channelFetch;
  }
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await clock.runDue();
      await tick();
    }
  };
  return {
    clock,
    channel: createApiClient(channelFetch, channelUrl),
    telesign: createApiClient(telesignFetch, telesignAddress.url),
    channelFetch,
    telesignFetch,
    channelUrl,
    telesignUrl: telesignAddress.url,
    settle,
    async settleWorld() {
      await clock.advance(WORLD_SETTLE_MS);
      await settle();
    },
    subscribe: (listener) => channel.service.subscribe(listener),
    takeUnexpected() {
      const taken = unexpected;
      unexpected = [];
      return taken;
    },
    async close() {
      await channel.close();
      await simulator.close();
    },
  };
}
