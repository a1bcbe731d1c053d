// Channel benchmark: inbound SMS (handset → fake TeleSign → channel, persisted and routed) and agent
// replies (→ TeleSign → delivered → report applied), against a bare hono echo in the same run, and
// the cost of one persisted write as the message store grows.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createStore } from '../../channel/adapters/store';
import { openChannel } from '../../channel/index';
import { callbackAuthHeaders } from '../../lib/telesign-signing';
import { createSimulator } from '../../simulator/index';
import { customer, prefill, storedMessage } from './channel-history';
import {
  agent,
  CONCURRENCY,
  drive,
  echoServer,
  type Figures,
  fmt,
  quantile,
  send,
} from './channel-load';

export const name = 'channel';

const SUPPORT = '14155550100';

function moSms(from: string, text: string, referenceId: string): string {
  return JSON.stringify({
    reference_id: referenceId,
    sub_resource: 'mo_sms',
    errors: [],
    submit_timestamp: new Date().toISOString(),
    status: {
      code: 1500,
      description: 'Delivered to customer',
      updated_on: new Date().toISOString(),
    },
    user_response: { phone_number: from, sender_id: SUPPORT, mo_message: text },
  });
}

/** TeleSign reference ids, unique per prefix and index. */
const reference = (prefix: string, i: number): string =>
  `${prefix}${i.toString(16).toUpperCase()}`.padEnd(32, '0').slice(0, 32);

async function json<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(
    `${base}${path}`,
    method,
    body === undefined ? '' : JSON.stringify(body),
  );
  if (response.status >= 400)
    throw new Error(`${method} ${path} → ${response.status} ${response.text}`);
  return (response.text ? JSON.parse(response.text) : null) as T;
}

/** Both servers, a routable work stream, an agent; the channel persisting into `folder`. */
export async function world(folder: string) {
  const simulator = createSimulator();
  const fake = (await simulator.listen(0)).url;
  const channel = await openChannel({
    telesignUrl: fake,
    store: createStore({ folder }),
    sweepIntervalMs: 0,
  });
  const api = (await channel.listen(0)).url;
  const account = await json<{ customer_id: string; api_key: string }>(
    fake,
    'POST',
    '/_sim/accounts',
    {},
  );
  await json(fake, 'POST', `/_sim/accounts/${account.customer_id}/numbers`, { number: SUPPORT });
  await json(fake, 'PUT', `/_sim/accounts/${account.customer_id}/delivery`, {
    policy: 'immediate',
  }).catch(() => null);
  const ws = await json<{ id: string }>(api, 'POST', '/api/work-streams', {
    name: 'Bench',
    mode: 'pick',
  });
  await json(api, 'PUT', `/api/work-streams/${ws.id}/sms-settings`, {
    customerId: account.customer_id,
    apiKey: account.api_key,
  });
  await json(api, 'POST', `/api/work-streams/${ws.id}/numbers`, { number: SUPPORT });
  const org = await json<{ inboundUrl: string }>(api, 'GET', '/api/organisation');
  await json(fake, 'PUT', `/_sim/accounts/${account.customer_id}/callback-url`, {
    url: org.inboundUrl,
  });
  const agentId = (
    await json<{ id: string }>(api, 'POST', '/api/agents', {
      name: 'Bench agent',
      capacity: 10_000,
    })
  ).id;
  return {
    simulator,
    channel,
    fake,
    api,
    inboundUrl: org.inboundUrl,
    account,
    agentId,
    async close() {
      await channel.close();
      await simulator.close();
    },
  };
}

type World = Awaited<ReturnType<typeof world>>;

export async function inboundFigures(
  w: World,
  label: string,
  total: number,
  offset: number,
  spread = 100,
): Promise<Figures[]> {
  const direct = await drive(
    `${label}: signed callback → channel inbound URL`,
    total,
    async (i) => {
      const rawBody = moSms(customer(i, spread), `direct ${i}`, reference(`D${offset}`, i));
      const r = await send(
        w.inboundUrl,
        'POST',
        rawBody,
        callbackAuthHeaders(w.account.customer_id, w.account.api_key, rawBody),
      );
      if (r.status !== 200) throw new Error(`inbound → ${r.status} ${r.text}`);
    },
  );
  const endToEnd = await drive(`${label}: handset → fake TeleSign → channel`, total, async (i) => {
    const r = await send(
      `${w.fake}/_sim/handsets/${customer(i, spread)}/messages`,
      'POST',
      JSON.stringify({ to: SUPPORT, text: `hello ${offset} ${i}` }),
    );
    if (r.status !== 201) throw new Error(`handset → ${r.status} ${r.text}`);
  });
  return [direct, endToEnd];
}

/** Agent replies, each timed until TeleSign's final delivery report has been applied. */
export async function replyFigures(w: World, total: number): Promise<Figures> {
  const open = w.channel.service.listConversations({ state: 'open' }).slice(0, CONCURRENCY);
  for (const c of open)
    await json(w.api, 'POST', `/api/conversations/${c.id}/pick`, { agentId: w.agentId });
  // Delivery is learnt from the event bus: asking for the conversation would clone its whole
  // transcript on every reply and make the bench, not the channel, the cost that grows.
  const waiting = new Map<string, () => void>();
  const delivered = new Set<string>();
  const unsubscribe = w.channel.service.subscribe((event) => {
    if (event.type !== 'message.status' || event.code !== 200) return;
    delivered.add(event.messageId);
    waiting.get(event.messageId)?.();
  });
  const figures = await drive(
    'agent reply → TeleSign → delivered → report applied',
    total,
    async (i) => {
      const conversation = open[i % open.length];
      const r = await send(
        `${w.api}/api/conversations/${conversation?.id}/messages`,
        'POST',
        JSON.stringify({ agentId: w.agentId, text: `Reply ${i}` }),
      );
      if (r.status !== 201) throw new Error(`reply → ${r.status} ${r.text}`);
      const { id } = JSON.parse(r.text) as { id: string };
      if (!delivered.has(id)) await new Promise<void>((resolve) => waiting.set(id, resolve));
      waiting.delete(id);
      delivered.delete(id);
    },
  );
  unsubscribe();
  return figures;
}

/** The cost of one persisted message write with `stored` messages already in the store. */
async function writeCost(
  stored: number,
): Promise<{ stored: number; meanMs: number; p99Ms: number }> {
  const folder = await mkdtemp(join(tmpdir(), 'channel-bench-store-'));
  const store = createStore({ folder, compactEvery: 10_000_000 });
  await store.load();
  const message = storedMessage;
  for (let i = 0; i < stored; i++) await store.saveMessage(message(i));
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t0 = performance.now();
    await store.saveMessage(message(stored + i));
    times.push(performance.now() - t0);
  }
  await store.close();
  await rm(folder, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  return {
    stored,
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
    p99Ms: quantile(times, 0.99),
  };
}

/** `BENCH_QUICK=1` runs a tenth of the load and 10 000 instead of 100 000 stored messages. */
export async function run(
  options: { quick?: boolean } = { quick: process.env.BENCH_QUICK === '1' },
): Promise<Record<string, unknown>> {
  const total = options.quick ? 500 : 4000;
  const big = options.quick ? 10_000 : 100_000;
  const lines: string[] = [];
  const print = (line: string): void => {
    lines.push(line);
    console.log(line);
  };
  print(
    `channel bench: ${CONCURRENCY} requests in flight, keep-alive, all servers in this process; cpu = whole process per message`,
  );

  const echo = await echoServer();
  // Both sides are warmed up before they are measured, so the ratio compares compiled code, not the JIT.
  const warmUp = Math.floor(total / 8);
  await drive('warm-up', warmUp, async (i) => {
    await send(`${echo.url}/echo`, 'POST', moSms(customer(i), 'echo', reference('e', i)));
  });
  const echoFigures = await drive('bare hono echo (POST /echo)', total, async (i) => {
    await send(`${echo.url}/echo`, 'POST', moSms(customer(i), 'echo', reference('E', i)));
  });
  await echo.close();
  print(fmt(echoFigures));

  const folder = await mkdtemp(join(tmpdir(), 'channel-bench-'));
  const w = await world(folder);
  await inboundFigures(w, 'warm-up', warmUp, 9);
  const [direct, endToEnd] = await inboundFigures(w, 'inbound, fresh store', total, 0);
  print(fmt(direct!));
  print(fmt(endToEnd!));
  print(
    `  ratio channel inbound / bare echo: ${(direct!.perSecond / echoFigures.perSecond).toFixed(2)} (aim ≥ 0.33)`,
  );
  const replies = await replyFigures(w, Math.floor(total / 2));
  print(fmt(replies));
  // Every new customer opens a conversation nobody picks: the Open backlog the service scans grows.
  const [backlog] = await inboundFigures(
    w,
    'inbound, 2000 customers (Open backlog → 2000)',
    total,
    2,
    2000,
  );
  print(fmt(backlog!));

  await w.close();
  await rm(folder, { recursive: true, force: true });

  const bigFolder = await mkdtemp(join(tmpdir(), 'channel-bench-big-'));
  await prefill(bigFolder, big);
  const t0 = performance.now();
  const wBig = await world(bigFolder);
  print(
    `  restarted on ${big} stored messages: loaded and listening in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
  );
  const [directBig, endToEndBig] = await inboundFigures(wBig, `inbound, ${big} stored`, total, 1);
  print(fmt(directBig!));
  print(fmt(endToEndBig!));
  await wBig.close();
  await rm(bigFolder, { recursive: true, force: true });

  for (const stored of options.quick ? [0, 10_000] : [0, 10_000, 100_000]) {
    const cost = await writeCost(stored);
    print(
      `one persisted message write with ${String(stored).padStart(6)} stored: mean ${cost.meanMs.toFixed(3)} ms, p99 ${cost.p99Ms.toFixed(3)} ms`,
    );
  }
  agent.destroy();
  return { echo: echoFigures, direct, endToEnd, replies, backlog, directBig, endToEndBig, lines };
}
