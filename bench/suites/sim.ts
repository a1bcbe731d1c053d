// End-to-end rows through `npm run sim` in its own process with default logging: a handset's SMS
// (→ fake TeleSign → channel, persisted, routed, offered) and an agent's reply (→ TeleSign →
// delivered → report applied). CPU per message is the sim process's own, read from /proc.
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSim, stop } from '../../test/sim/sim-process';
import { processCpu } from '../tools/process-cpu';
import { agent, CONCURRENCY, drive, type Figures, send } from './channel-load';

export const name = 'sim';

const TOTAL = Number(process.env.BENCH_SIM_MESSAGES ?? 3000);
const PUSH_NUMBER = '14155550100';
const PICK_NUMBER = '14155550101';
/** Figures of issue 12 on the code before it (quiet machine), for comparison. */
const BEFORE = { inbound: 500, reply: 390 };
const AIM = { inbound: 1500, reply: 1200 };

async function call<T>(url: string, method: string, body?: unknown): Promise<T> {
  const r = await send(url, method, body === undefined ? '' : JSON.stringify(body));
  if (r.status >= 400) throw new Error(`${method} ${url} → ${r.status} ${r.text}`);
  return (r.text ? JSON.parse(r.text) : null) as T;
}

/**
 * Listens to the channel's event stream; `delivered(id)` resolves once message `id` reached 200. An
 * event the stream did not bring within 3 s is looked up in the conversation instead (and counted:
 * the stream should bring every one).
 */
function deliveries(channelUrl: string) {
  const done = new Set<string>();
  const waiting = new Map<string, () => void>();
  let pending = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  let missed = 0;
  const req = request(`${channelUrl}/api/events`, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      if (chunk.includes('event: ready')) markReady();
      pending += chunk;
      const blocks = pending.split('\n\n');
      pending = blocks.pop() ?? '';
      for (const block of blocks) {
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!data || !block.includes('event: message.status')) continue;
        const event = JSON.parse(data) as { messageId: string; code: number };
        if (event.code !== 200) continue;
        done.add(event.messageId);
        waiting.get(event.messageId)?.();
      }
    });
  });
  req.end();
  const lookUp = async (conversationId: string, id: string): Promise<boolean> => {
    const conversation = await call<{ messages: { id: string; delivery?: { code: number } }[] }>(
      `${channelUrl}/api/conversations/${conversationId}`,
      'GET',
    );
    return conversation.messages.some((m) => m.id === id && m.delivery?.code === 200);
  };
  return {
    ready,
    get missed() {
      return missed;
    },
    delivered: (id: string, conversationId: string): Promise<void> =>
      done.has(id)
        ? Promise.resolve()
        : new Promise((resolve) => {
            waiting.set(id, resolve);
            const check = async (): Promise<void> => {
              if (done.has(id)) return;
              const found = await lookUp(conversationId, id);
              // The event may have come while the conversation was read: that one was not missed.
              if (done.has(id)) return;
              if (found) {
                missed++;
                waiting.delete(id);
                resolve();
              } else setTimeout(check, 3_000);
            };
            setTimeout(check, 3_000);
          }),
    close: () => req.destroy(),
  };
}

const list = <T>(answer: T[] | { items: T[] }): T[] =>
  Array.isArray(answer) ? answer : answer.items;

async function withCpu(pid: number, run: () => Promise<Figures>): Promise<Figures> {
  const before = await processCpu(pid);
  const figures = await run();
  const used = (await processCpu(pid)) - before;
  return { ...figures, cpuMicros: used / figures.count };
}

const row = (f: Figures, before: number, aim: number): string =>
  `${f.label.padEnd(54)} ${f.perSecond.toFixed(0).padStart(6)} msg/s (before: ~${before}, aim ≥ ${aim})   p50 ${f.p50.toFixed(1).padStart(5)} ms   p99 ${f.p99.toFixed(1).padStart(6)} ms   sim CPU ${f.cpuMicros.toFixed(0).padStart(5)} µs/msg   (n=${f.count})`;
const peerRow = (f: Figures, sim: Figures): string =>
  `  ${f.label.padEnd(52)} ${f.perSecond.toFixed(0).padStart(6)} msg/s   p50 ${f.p50.toFixed(1).padStart(5)} ms   CPU ${f.cpuMicros.toFixed(0).padStart(5)} µs/msg;  sim / peer: ${(sim.perSecond / f.perSecond).toFixed(2)} by msg/s, ${(f.cpuMicros / sim.cpuMicros).toFixed(2)} by CPU per message`;

/** The peer (bench/servers/relay-peer.ts): the same HTTP hops on bare node:http, nothing else. */
async function startPeer(): Promise<{ url: string; pid: number; stop: () => void }> {
  const script = fileURLToPath(new URL('../servers/relay-peer.ts', import.meta.url));
  const child = fork(script, [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const { url } = await new Promise<{ url: string }>((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (m) => resolve(m as { url: string }));
  });
  return { url, pid: child.pid ?? 0, stop: () => child.kill() };
}

/** Both rows' peers, measured in the same run as the sim (each in its own process, CPU from /proc). */
async function peers(count: number): Promise<{ inbound: Figures; replies: Figures }> {
  const peer = await startPeer();
  try {
    const hop = (path: string, body: unknown) =>
      send(`${peer.url}${path}`, 'POST', JSON.stringify(body)).then((r) => {
        if (r.status >= 300) throw new Error(`peer ${path} → ${r.status}`);
      });
    await drive('warm-up', 300, (i) => hop('/in', { to: PUSH_NUMBER, text: `warm-up ${i}` }));
    const inbound = await withCpu(peer.pid, () =>
      drive('peer: bare node:http + fetch, the same 2 hops', count, (i) =>
        hop('/in', { to: PUSH_NUMBER, text: `hello ${i}` }),
      ),
    );
    const replies = await withCpu(peer.pid, () =>
      drive('peer: bare node:http + fetch, the same 3 hops', Math.floor(count / 2), (i) =>
        hop('/reply', { text: `Reply ${i}` }),
      ),
    );
    return { inbound, replies };
  } finally {
    peer.stop();
  }
}

export async function run(): Promise<Record<string, Figures>> {
  console.log(
    `npm run sim in its own process, default logging (readable lines to a pipe), ${CONCURRENCY} in flight; sim CPU from /proc`,
  );
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-sim-'));
  // BENCH_CPU_PROF=<folder> (as console-phones; BENCH_SIM_PROFILE, its first name, still works): a
  // V8 CPU profile of the sim process, written when it stops (bench/tools/profile-summary.ts).
  const profile = process.env.BENCH_CPU_PROF ?? process.env.BENCH_SIM_PROFILE;
  const sim = await startSim(
    dataDir,
    [],
    profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
  );
  const pid = sim.child.pid ?? 0;
  const { telesignUrl, channelUrl, customerId } = sim.banner;
  try {
    // Deliver at once (the default policy takes a second per message on the real clock).
    await call(`${telesignUrl}/_sim/accounts/${customerId}/delivery`, 'PUT', {
      policy: 'immediate',
    });
    const text = (phone: string, to: string, body: string) =>
      send(
        `${telesignUrl}/_sim/handsets/${phone}/messages`,
        'POST',
        JSON.stringify({ to, text: body }),
      ).then((r) => {
        if (r.status !== 201) throw new Error(`handset → ${r.status} ${r.text}`);
      });
    const phone = (i: number) => `1303555${String(1000 + (i % 100)).padStart(4, '0')}`;
    await drive('warm-up', 300, (i) => text(phone(i), PUSH_NUMBER, `warm-up ${i}`));
    const inbound = await withCpu(pid, () =>
      drive('handset → fake TeleSign → channel (push, routed, offered)', TOTAL, (i) =>
        text(phone(i), PUSH_NUMBER, `hello ${i}`),
      ),
    );
    console.log(row(inbound, BEFORE.inbound, AIM.inbound));

    // Conversations on the pick line, picked by an agent who then replies on all of them.
    const picker = (i: number) => `1404555${String(1000 + i).padStart(4, '0')}`;
    for (let i = 0; i < CONCURRENCY; i++) await text(picker(i), PICK_NUMBER, `need sales ${i}`);
    const conversations = list(
      await call<{ id: string; customerNumber: string }[]>(
        `${channelUrl}/api/conversations?state=open&limit=500`,
        'GET',
      ),
    ).filter((c) => c.customerNumber.replace(/^\+/, '').startsWith('1404555'));
    const queues = list(
      await call<{ id: string; name: string }[]>(`${channelUrl}/api/queues`, 'GET'),
    );
    const sales = queues.find((q) => q.name === 'sales')?.id;
    if (!sales || conversations.length === 0) throw new Error('no sales queue or conversation');
    // An agent of its own, so the push line's offers do not use up the capacity it needs.
    const seller = await call<{ id: string }>(`${channelUrl}/api/agents`, 'POST', {
      name: 'Bench seller',
      queueIds: [sales],
      capacity: 10_000,
      presence: 'available',
    });
    for (const c of conversations)
      await call(`${channelUrl}/api/conversations/${c.id}/pick`, 'POST', { agentId: seller.id });
    const events = deliveries(channelUrl);
    await events.ready;
    const reply = async (i: number): Promise<void> => {
      const conversation = conversations[i % conversations.length];
      const sent = await call<{ id: string }>(
        `${channelUrl}/api/conversations/${conversation?.id}/messages`,
        'POST',
        { agentId: seller.id, text: `Reply ${i}` },
      );
      await events.delivered(sent.id, conversation?.id ?? '');
    };
    await drive('warm-up', 300, reply);
    const replies = await withCpu(pid, () =>
      drive('agent reply → TeleSign → delivered → report applied', Math.floor(TOTAL / 2), reply),
    );
    console.log(row(replies, BEFORE.reply, AIM.reply));
    if (events.missed > 0)
      console.log(`  (${events.missed} deliveries the event stream did not bring were looked up)`);
    events.close();
    const peer = await peers(TOTAL);
    console.log('beside a peer measured in the same run:');
    console.log(`${inbound.label}`);
    console.log(peerRow(peer.inbound, inbound));
    console.log(`${replies.label}`);
    console.log(peerRow(peer.replies, replies));
    return { inbound, replies };
  } finally {
    agent.destroy();
    await stop(sim.child);
    await rm(dataDir, { recursive: true, force: true });
  }
}
