// The console's downloads are the session itself: an admin change, a presence change and a rejected
// offer made over the sockets, downloaded from the console, replay "same" — and the same recording
// with any one of those events left out replays DIFFERENT, so each is load-bearing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import type { RunningSim } from '../../bin/sim/start';
import { replayFile } from '../../scenarios/engine/replay';
import { startQuietSim } from '../security/sim-under-test';

type Json = Record<string, unknown>;
const BRUNO = '12025550102';

let sim: RunningSim;
let folder: string;
let conversationId = '';

async function call<T = Json>(method: string, path: string, body?: unknown): Promise<T> {
  const base = path.startsWith('/_sim/') ? sim.telesignUrl : sim.channelUrl;
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** The clock moves on (the console's +1 min), so every act has its own moment. */
const tick = () => call('POST', '/_sim/clock/advance', { ms: 1_000 });

/** Whom the conversation is offered to now (waits for the channel to make the offer). */
const offeredTo = () =>
  vi.waitFor(
    async () => {
      const cv = await call<{ offer?: { agentId: string } }>(
        'GET',
        `/api/conversations/${conversationId}`,
      );
      if (!cv.offer) throw new Error('not offered yet');
      return cv.offer.agentId;
    },
    { timeout: 10_000 },
  );

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'session-download-'));
  sim = await startQuietSim('--clock', 'manual');
  const { ids } = sim.marker;
  const support = ids.workStreams.support as string;
  // Admin: Bruno's texts go to the sales queue (Ben and Cat), by a rule made in the session.
  const rules = await call<Json[]>('GET', `/api/work-streams/${support}/routing-rules`);
  await call('PUT', `/api/work-streams/${support}/routing-rules`, [
    {
      name: 'bruno-to-sales',
      condition: { field: 'customer.number', op: 'equals', value: BRUNO },
      queueId: ids.queues.sales,
    },
    ...rules.map(({ name, condition, queueId }) => ({ name, condition, queueId })),
  ]);
  await tick();
  // Presence: Cat (sales, offline in the world file) comes online.
  await call('PUT', `/api/agents/${ids.agents.cat}/presence`, { presence: 'available' });
  await tick();
  await call('POST', `/_sim/handsets/${BRUNO}/messages`, {
    to: sim.marker.supportNumber,
    text: 'Where is my order?',
  });
  conversationId = await vi.waitFor(
    async () => {
      const page = await call<{ items: Array<{ id: string }> }>(
        'GET',
        `/api/conversations?customerNumber=${BRUNO}`,
      );
      if (!page.items[0]) throw new Error('no conversation yet');
      return page.items[0].id;
    },
    { timeout: 10_000 },
  );
  const first = await offeredTo();
  await tick();
  // A rejected offer: whoever was offered it first says no; the other one takes it.
  await call('POST', `/api/conversations/${conversationId}/reject`, { agentId: first });
  await tick();
  const second = await offeredTo();
  if (second === first) throw new Error('the same agent was offered it again');
  await call('POST', `/api/conversations/${conversationId}/accept`, { agentId: second });
  await tick();
}, 30_000);

afterAll(async () => {
  await sim.stop();
  await rm(folder, { recursive: true, force: true });
});

async function download(path: string): Promise<string> {
  const response = await fetch(`${sim.channelUrl}${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.yaml"$/);
  return response.text();
}

async function replayText(name: string, text: string) {
  const file = join(folder, name);
  await writeFile(file, text);
  return replayFile(file);
}

const without = (text: string, kind: string): string => {
  const scenario = parse(text) as { steps: Json[] };
  const before = scenario.steps.length;
  scenario.steps = scenario.steps.filter((s) => !(kind in s));
  expect(scenario.steps.length, `a ${kind} step to leave out`).toBe(before - 1);
  return stringify(scenario);
};

describe("the console's session download", () => {
  it('holds the admin change, the presence change and the rejected offer, and replays "same"', async () => {
    const text = await download('/console/recordings/session.yaml');
    const kinds = (parse(text) as { steps: Json[] }).steps.map((s) =>
      Object.keys(s).find((k) => k !== 'at'),
    );
    expect(kinds).toEqual(expect.arrayContaining(['set-rules', 'presence', 'reject', 'accept']));
    const outcome = await replayText('session.yaml', text);
    expect(outcome.diff).toEqual([]);
    expect(outcome.same).toBe(true);
  }, 30_000);

  it('downloads one conversation with the world changes around it, and it replays "same"', async () => {
    const text = await download(`/console/recordings/conversations/${conversationId}.yaml`);
    const outcome = await replayText('conversation.yaml', text);
    expect(outcome.diff).toEqual([]);
    expect(outcome.same).toBe(true);
  }, 30_000);

  it.each([
    ['set-rules', 'the admin change'],
    ['presence', 'the presence change'],
    ['reject', 'the rejected offer'],
  ])(
    'replays DIFFERENT without its %s step (%s)',
    async (kind) => {
      const text = await download('/console/recordings/session.yaml');
      const outcome = await replayText(`without-${kind}.yaml`, without(text, kind));
      expect(outcome.same).toBe(false);
    },
    30_000,
  );
});
