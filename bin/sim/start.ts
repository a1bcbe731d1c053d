// Starts the fake TeleSign and the channel side by side on one clock, seeds the world once, serves the console.
import { join } from 'node:path';
import type { Logger } from 'pino';
import { openChannel } from '../../channel';
import { createStore } from '../../channel/adapters/store';
import { createConsole } from '../../console';
import { type Clock, createManualClock, createRealClock } from '../../lib/clock';
import { isLoopbackName, namesForListenHost, urlHost } from '../../lib/http-guard/hosts';
import { type FetchHandler, listen } from '../../lib/listen';
import type { ObservedRequest } from '../../scenarios/record/request-steps';
import { tapFetch, tapHandler } from '../../scenarios/record/tap';
import { createFileStorage, createSimulator } from '../../simulator';
import { describeChannelEvent, describeJournalEntry } from './describe-event';
import type { SimFlags } from './flags';
import { securePrivateFolder } from './private-folder';
import { startRecording } from './recording';
import { readMarker, type SeedMarker, writeMarker } from './seed-marker';

export interface RunningSim {
  telesignUrl: string;
  channelUrl: string;
  clock: Clock;
  marker: SeedMarker;
  /** True when this start seeded the world (first start, or --memory). */
  seeded: boolean;
  /** With a --host other than loopback: the URLs other machines use. */
  exposed: { consoleUrls: string[]; telesignUrls: string[] } | null;
  stop(): Promise<void>;
}

const portInUse = (flag: string, port: number, host: string) =>
  new Error(`port ${port} on ${host} is in use; choose another with ${flag} (0 = any free port)`);
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** A server bound to every interface is called, by this process and its pages, through loopback. */
const selfUrl = (url: string) =>
  url.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//[::1]:');

/**
 * The channel's own paths on the shared port: its API, its OpenAPI document, TeleSign's callbacks.
 * Everything else (`/api` itself, an index page, included) is the console's.
 */
function isChannelPath(path: string): boolean {
  return path.startsWith('/api/') || path === '/openapi.json' || path.startsWith('/telesign/');
}

export async function startSim(flags: SimFlags, log: Logger): Promise<RunningSim> {
  const clock: Clock = flags.clock === 'manual' ? createManualClock(Date.now()) : createRealClock();
  const dataDir = flags.dataDir;
  // API keys live there: 0700, files 0600 (an older folder is tightened).
  if (dataDir) await securePrivateFolder(dataDir, ['channel']);

  // Who may call (decision 043): names of this machine, and pages of the console's own origin.
  const listenNames = namesForListenHost(flags.host);
  const allowedHosts = [...flags.allowedHosts, ...listenNames];
  let consolePort = flags.channelPort;
  const consoleOrigins = () => [
    ...[...new Set([...LOOPBACK_NAMES, ...listenNames])].map((h) => `http://${h}:${consolePort}`),
    // The console under an alias (http://app.localhost:4020): still this machine, still the console.
    `http://*.localhost:${consolePort}`,
  ];

  const simulator = createSimulator({
    clock,
    ...(dataDir
      ? createFileStorage(dataDir, {
          warn: (m) => log.warn({ source: 'telesign' }, m),
          fsync: flags.fsync,
        })
      : {}),
    // Deliveries in flight at the last stop carry on once the callback URL points at this channel.
    resumeOnLoad: false,
    allowedHosts: flags.allowedHosts,
    // The console's pages read TeleSign's live events across origins.
    allowedOrigins: () => [...consoleOrigins(), ...flags.allowedOrigins],
  });
  // The session's recording (the console's downloads, --record): every state-changing request to
  // either server, from any client, reaches the recorder once it runs (after seeding).
  let observe: ((request: ObservedRequest) => void) | null = null;
  const tap = (handler: FetchHandler): FetchHandler =>
    tapHandler(
      handler,
      (request) => observe?.(request),
      () => clock.now(),
    );
  const telesign = await simulator
    .listen(flags.telesignPort, flags.host, tap)
    .catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EADDRINUSE'
        ? portInUse('--telesign-port', flags.telesignPort, flags.host)
        : error;
    });
  const telesignUrl = selfUrl(telesign.url);

  // The channel's inbound URL carries its port, so the server listens before the channel exists.
  let handle: (request: Request, env?: unknown) => Response | Promise<Response> = () =>
    new Response('starting', { status: 503 });
  const front = await listen(
    (request, env) => handle(request, env),
    flags.channelPort,
    flags.host,
  ).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE'
      ? portInUse('--channel-port', flags.channelPort, flags.host)
      : error;
  });
  const channelUrl = selfUrl(front.url);
  consolePort = front.port;

  const store = createStore({
    folder: dataDir ? join(dataDir, 'channel') : undefined,
    // History leaves memory while running too (decision 015); a compaction costs what is live.
    compactEvery: 50_000,
    fsync: flags.fsync,
    warn: (m) => log.warn({ source: 'store' }, m),
  });
  await store.load();
  const channel = await openChannel({
    clock,
    store,
    telesignUrl,
    publicUrl: channelUrl,
    sweepIntervalMs: flags.sweepIntervalMs,
    allowedHosts,
    allowedOrigins: flags.allowedOrigins,
  });
  // In-process calls: seeding and the console's reads skip the sockets but use the same HTTP APIs.
  const direct = {
    channel: (input: string | URL | Request, init?: RequestInit) =>
      Promise.resolve(channel.app.request(input, init)),
    telesign: (input: string | URL | Request, init?: RequestInit) =>
      Promise.resolve(simulator.app.request(input, init)),
  };
  const tapped = (fetchFn: typeof direct.channel) =>
    tapFetch(
      fetchFn,
      (request) => observe?.(request),
      () => clock.now(),
    );
  const channelFetch = tapped(direct.channel);
  const telesignFetch = tapped(direct.telesign);

  const previous = dataDir ? await readMarker(dataDir) : null;
  let marker: SeedMarker;
  if (previous) {
    marker = previous;
    // The channel's port may have changed since: point the account's callback URL at it again.
    const organisation = (await (
      await channelFetch('http://channel.local/api/organisation')
    ).json()) as { inboundUrl: string };
    await telesignFetch(`http://telesign.local/_sim/accounts/${marker.customerId}/callback-url`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: organisation.inboundUrl }),
    });
  } else {
    // Loaded only to seed: the world's generator (faker) is the slowest import, and restarts skip it.
    const [{ applyWorld }, { loadWorld }] = await Promise.all([
      import('../../scenarios/world/apply-world'),
      import('../../scenarios/world/load-world'),
    ]);
    const world = loadWorld(flags.world);
    if (flags.seed !== null && world.faker) world.faker.seed = flags.seed;
    const ids = await applyWorld(world, { channelFetch, telesignFetch });
    const account = Object.values(ids.accounts)[0];
    if (!account) throw new Error(`world ${flags.world} has no TeleSign account to show`);
    marker = {
      version: 1,
      seededAt: new Date(clock.now()).toISOString(),
      world: flags.world,
      seed: flags.seed,
      customerId: account.customerId,
      apiKey: account.apiKey,
      supportNumber: Object.values(ids.numbers)[0] ?? null,
      handsets: world.handsets.map((h) => ({
        phone: h.phone,
        ...(h.name ? { name: h.name } : {}),
      })),
      ids,
    };
    if (dataDir) await writeMarker(dataDir, marker);
  }
  const resumed = await simulator.resumeDeliveries();
  if (resumed > 0) {
    log.info({ source: 'telesign' }, `${resumed} message(s) in flight at the last stop carry on`);
  }

  const recording = await startRecording(
    flags,
    marker,
    channelFetch,
    clock,
    channel.service,
    previous !== null,
  );
  observe = (request) => recording.onRequest(request);

  const consoleApp = createConsole({
    channelFetch,
    telesignUrl,
    telesignFetch,
    handsets: () => marker.handsets,
    recordings: recording,
    // The live view hears both servers in-process, not through their event streams' encode/decode.
    liveSources: {
      channel: (listener) => channel.service.subscribe(listener),
      telesign: (listener) => simulator.backend.journal.subscribe(listener),
    },
    clockKind: clock.kind,
    access: { allowedHosts: () => allowedHosts, allowedOrigins: () => flags.allowedOrigins },
  });
  // One port, two apps, each behind its own front door: the channel's paths, and the console's.
  const served: FetchHandler = (request, env) =>
    isChannelPath(new URL(request.url).pathname)
      ? channel.app.fetch(request, env)
      : consoleApp.fetch(request, env);
  handle = tap(served);

  const names = {
    rule: (id: string) =>
      channel.service
        .listWorkStreams()
        .flatMap((ws) => ws.routingRules)
        .find((r) => r.id === id)?.name ?? id,
    queue: (id: string) => channel.service.listQueues().find((q) => q.id === id)?.name ?? id,
    agent: (id: string) => {
      try {
        return channel.service.getAgent(id).name;
      } catch {
        return id;
      }
    },
  };
  const unsubscribeChannel = channel.service.subscribe((event) => {
    const text = describeChannelEvent(event, names);
    if (text) log.info({ source: 'channel', event }, text);
    else log.debug({ source: 'channel', event }, event.type);
  });
  const unsubscribeJournal = simulator.backend.journal.subscribe((entry) => {
    const { level, text } = describeJournalEntry(entry);
    log[level]({ source: 'telesign', entry }, text);
  });

  let stopped: Promise<void> | undefined;
  return {
    telesignUrl,
    channelUrl,
    clock,
    marker,
    seeded: !previous,
    exposed: isLoopbackName(urlHost(flags.host.toLowerCase()))
      ? null
      : {
          consoleUrls: listenNames.map((h) => `http://${h}:${front.port}/`),
          telesignUrls: listenNames.map((h) => `http://${h}:${telesign.port}`),
        },
    stop() {
      stopped ??= (async () => {
        unsubscribeChannel();
        unsubscribeJournal();
        await recording.finish();
        if (flags.record) log.info({ source: 'sim' }, `recorded the session to ${flags.record}`);
        await front.close();
        await channel.close();
        // Closing flushes the fake's traffic journal (messages, statuses, handsets' threads).
        await simulator.close();
        // Flush the fake TeleSign's world (accounts, numbers, policies) one last time.
        if (dataDir) await simulator.backend.db.write();
      })();
      return stopped;
    },
  };
}
