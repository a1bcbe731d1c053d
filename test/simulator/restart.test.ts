// A fake TeleSign on a data folder keeps its traffic across a restart: messages, statuses, threads.
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../lib/clock';
import {
  createFileStorage,
  createSimulator,
  type FileTrafficOptions,
  type Simulator,
} from '../../simulator/index';

const CUSTOMER_PHONE = '12025550101';
const START = Date.UTC(2026, 0, 5, 9, 0, 0);

let folder: string;
let posted: { url: string; body: Record<string, unknown> }[];
let running: Simulator[];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'simulator-restart-'));
  posted = [];
  running = [];
});
afterEach(async () => {
  for (const sim of running) await sim.close();
  await rm(folder, { recursive: true, force: true });
});

/** A simulator on `folder` whose callbacks land in `posted` (answered 200). */
async function start(clock: ManualClock, options: FileTrafficOptions = {}) {
  const sim = createSimulator({
    clock,
    ...createFileStorage(folder, options),
    fetch: async (input, init) => {
      posted.push({ url: String(input), body: JSON.parse(String(init?.body)) });
      return new Response('ok');
    },
  });
  running.push(sim);
  await sim.backend.ready;
  return sim;
}

async function firstRun() {
  const clock = createManualClock(START);
  const sim = await start(clock);
  const account = await sim.backend.accounts.create({ callbackUrl: 'https://channel.test/cb' });
  const { number } = await sim.backend.numbers.purchase(account.customerId, {});
  const send = (message: string) =>
    sim.backend.sendMessage(account, {
      phoneNumber: CUSTOMER_PHONE,
      message,
      messageType: 'ARN',
      senderId: number,
      externalId: null,
      callbackUrl: null,
    });
  const delivered = send('Your order has shipped');
  await clock.advance(1_000);
  await sim.backend.textFromHandset(CUSTOMER_PHONE, number, 'Thanks! When will it arrive?');
  const inFlight = send('Tomorrow before noon');
  await clock.advance(300);
  return { sim, clock, account, number, delivered, inFlight };
}

async function restart(sim: Simulator, at: number, options: FileTrafficOptions = {}) {
  await sim.close();
  running = running.filter((s) => s !== sim);
  return start(createManualClock(at), options);
}

const codes = (history: { code: number }[]) => history.map((s) => s.code);

describe('a simulator restarted on the same folder', () => {
  it('keeps the messages with their status history', async () => {
    const before = await firstRun();
    const after = await restart(before.sim, START + 2_000);
    const kept = after.backend.messages.findAny(before.delivered.referenceId);
    expect(kept?.message).toBe('Your order has shipped');
    expect(kept?.status.code).toBe(200);
    expect(codes(kept?.history ?? [])).toEqual([290, 203, 200]);
    expect(kept?.callbacks.map((c) => c.state)).toEqual(['delivered', 'delivered']);
  });

  it('answers GET /v1/messaging for a message sent before the restart', async () => {
    const before = await firstRun();
    const after = await restart(before.sim, START + 2_000);
    const { customerId, apiKey } = before.account;
    const response = await after.app.request(`/v1/messaging/${before.delivered.referenceId}`, {
      headers: { authorization: `Basic ${btoa(`${customerId}:${apiKey}`)}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      reference_id: before.delivered.referenceId,
      status: { code: 200, description: 'Delivered to handset' },
    });
  });

  it("keeps the handset's thread: what TeleSign delivered to it and what it texted", async () => {
    const before = await firstRun();
    const after = await restart(before.sim, START + 2_000);
    const response = await after.app.request(`/_sim/handsets/${CUSTOMER_PHONE}/messages`);
    const thread = (await response.json()) as {
      inbox: { text: string; from: string }[];
      outbox: { text: string; to: string; callback: { kind: string; state: string } | null }[];
    };
    expect(thread.inbox.map((m) => [m.from, m.text])).toEqual([
      [before.number, 'Your order has shipped'],
    ]);
    expect(thread.outbox.map((m) => [m.to, m.text])).toEqual([
      [before.number, 'Thanks! When will it arrive?'],
    ]);
    expect(thread.outbox[0]?.callback).toMatchObject({ kind: 'inbound', state: 'delivered' });
  });

  it('finishes a delivery that was in flight, posting its delivery reports', async () => {
    const before = await firstRun();
    expect(before.inFlight.status.code).toBe(203);
    await before.sim.close();
    posted = [];
    const clock = createManualClock(START + 60_000);
    const after = await start(clock);
    await clock.runDue();
    const finished = after.backend.messages.findAny(before.inFlight.referenceId);
    expect(codes(finished?.history ?? [])).toEqual([290, 203, 200]);
    expect(posted.map((p) => (p.body.status as { code: number }).code)).toEqual([200]);
    const inbox = after.backend.handsets.get(CUSTOMER_PHONE).inbox.map((m) => m.text);
    expect(inbox).toEqual(['Your order has shipped', 'Tomorrow before noon']);
  });

  it('numbers new callbacks after the kept ones', async () => {
    const before = await firstRun();
    const keptIds = before.sim.backend.messages.list().flatMap((m) => m.callbacks.map((c) => c.id));
    const after = await restart(before.sim, START + 60_000);
    const entry = await after.backend.textFromHandset(CUSTOMER_PHONE, before.number, 'Hello?');
    expect(entry.callback?.id).toBeGreaterThan(Math.max(...keptIds));
  });

  it('skips a torn last line with a warning and keeps everything before it', async () => {
    const before = await firstRun();
    await before.sim.close();
    const file = join(folder, 'telesign-traffic.jsonl');
    const torn = (await readFile(file, 'utf8')).split('\n').length;
    await appendFile(file, '{"t":"status","ref":"0123');
    const after = await start(createManualClock(START + 2_000));
    expect(after.backend.traffic.warnings).toEqual([
      `${file}: skipped an unreadable line ${torn} (torn by an interrupted write)`,
    ]);
    expect(after.backend.messages.findAny(before.delivered.referenceId)?.status.code).toBe(200);
    expect(await readFile(file, 'utf8')).toMatch(/\n$/);
  });

  it('skips a line that is JSON but not a traffic record, naming the field', async () => {
    const before = await firstRun();
    await before.sim.close();
    const file = join(folder, 'telesign-traffic.jsonl');
    const lines = (await readFile(file, 'utf8')).split('\n').length;
    await appendFile(file, '{"t":"inbox","phone":"1","v":{"text":3}}\n');
    const after = await start(createManualClock(START + 2_000));
    expect(after.backend.traffic.warnings).toEqual([
      `${file}: skipped line ${lines}: v.referenceId Invalid input: expected string, received undefined`,
    ]);
  });

  it('rewrites a journal that is mostly superseded lines into one line per message and thread entry', async () => {
    const before = await firstRun();
    await before.sim.close();
    const file = join(folder, 'telesign-traffic.jsonl');
    const linesBefore = (await readFile(file, 'utf8')).trim().split('\n').length;
    const after = await start(createManualClock(START + 2_000), { compactMinLines: 1 });
    const linesAfter = (await readFile(file, 'utf8')).trim().split('\n').length;
    // Two messages, one delivered to the handset's inbox, one text in its outbox.
    expect([linesBefore > 4, linesAfter]).toEqual([true, 4]);
    expect(
      codes(after.backend.messages.findAny(before.delivered.referenceId)?.history ?? []),
    ).toEqual([290, 203, 200]);
  });

  it('forgets the stored traffic on reset', async () => {
    const before = await firstRun();
    await before.sim.app.request('/_sim/reset', { method: 'POST' });
    const after = await restart(before.sim, START + 2_000);
    expect(after.backend.messages.list()).toEqual([]);
    expect(after.backend.handsets.list()).toEqual([]);
  });
});
