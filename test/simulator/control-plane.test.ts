import { Low, Memory } from 'lowdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../lib/clock';
import { createSimulator, type WorldData } from '../../simulator/index';
import { type Harness, startHarness } from './harness';

describe('control plane', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());

  it('creates an account with a base64 API key of random bytes', async () => {
    const { status, body } = await h.control('POST', '/_sim/accounts', {});
    expect(status).toBe(201);
    const account = body as { customer_id: string; api_key: string };
    expect(account.customer_id).toMatch(
      /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/,
    );
    expect(Buffer.from(account.api_key, 'base64').toString('base64')).toBe(account.api_key);
    expect(Buffer.from(account.api_key, 'base64')).toHaveLength(64);
  });

  it('lists and gets accounts', async () => {
    const list = await h.control('GET', '/_sim/accounts');
    expect((list.body as unknown[]).length).toBeGreaterThan(0);
    const one = await h.control('GET', `/_sim/accounts/${h.customerId}`);
    expect(one.body).toMatchObject({ customer_id: h.customerId, api_key: h.apiKey });
  });

  it('refuses a second account with the same customer id (409)', async () => {
    const { status, body } = await h.control('POST', '/_sim/accounts', {
      customer_id: h.customerId,
    });
    expect(status).toBe(409);
    expect(body).toEqual({
      error: {
        code: 'conflict',
        message: `customer id ${h.customerId} already exists`,
        field: 'customer_id',
      },
    });
  });

  it('purchases the next free US long code, then a given number, lists and releases them', async () => {
    const first = await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, {});
    expect(first.body).toMatchObject({ number: '12025550100', type: 'long-code', country: 'US' });
    const given = await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, {
      number: '447700900123',
    });
    expect(given.body).toMatchObject({ number: '447700900123', country: 'GB' });
    const list = await h.control('GET', `/_sim/accounts/${h.customerId}/numbers`);
    expect((list.body as { number: string }[]).map((n) => n.number)).toEqual([
      '12025550100',
      '447700900123',
    ]);
    const released = await h.control(
      'DELETE',
      `/_sim/accounts/${h.customerId}/numbers/447700900123`,
    );
    expect(released.status).toBe(200);
  });

  it('refuses to sell a number twice', async () => {
    await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, { number: '12025550199' });
    const again = await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, {
      number: '12025550199',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      error: { code: 'conflict', message: 'number 12025550199 is already purchased' },
    });
  });

  it('answers 404 for an inbound text to a number nobody purchased', async () => {
    const { status, body } = await h.control('POST', '/_sim/handsets/15555550123/messages', {
      to: '19995550000',
      text: 'Hi',
    });
    expect(status).toBe(404);
    expect(body).toEqual({
      error: {
        code: 'not_found',
        message: '19995550000 is not a purchased TeleSign number',
        field: 'to',
      },
    });
  });

  it('keeps an inbound text without a callback URL and says why nothing was posted', async () => {
    await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, { number: '12025550150' });
    const { body } = await h.control('POST', '/_sim/handsets/15555550123/messages', {
      to: '12025550150',
      text: 'Hi',
    });
    expect(body).toMatchObject({
      callback: null,
      note: `account ${h.customerId} has no callback URL; nothing was posted`,
    });
  });

  it('filters the journal by kind and reference id, with since and limit', async () => {
    const all = (await h.control('GET', '/_sim/journal')).body as { seq: number; kind: string }[];
    const control = (await h.control('GET', '/_sim/journal?kind=control&limit=2')).body as {
      kind: string;
    }[];
    expect(control).toHaveLength(2);
    expect(control.every((e) => e.kind === 'control')).toBe(true);
    const last = all.at(-1)?.seq ?? 0;
    const since = (await h.control('GET', `/_sim/journal?since=${last - 1}`)).body as unknown[];
    expect(since).toHaveLength(1);
  });

  it('refuses an unknown journal filter, naming it', async () => {
    const { status, body } = await h.control('GET', '/_sim/journal?kind=everything');
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'invalid_field', field: 'kind' } });
  });

  it('clears the journal', async () => {
    await h.control('DELETE', '/_sim/journal');
    const { body } = await h.control('GET', '/_sim/journal');
    expect(body).toEqual([]);
  });

  it('advances the manual clock and shows pending timers', async () => {
    const before = (await h.control('GET', '/_sim/clock')).body as { now: number; kind: string };
    const after = await h.control('POST', '/_sim/clock/advance', { ms: 1500 });
    expect(before.kind).toBe('manual');
    expect((after.body as { now: number }).now).toBe(before.now + 1500);
  });

  it('reads a phone nothing happened to as an empty thread, and creates no handset by reading', async () => {
    const count = async () => ((await h.control('GET', '/_sim/handsets')).body as unknown[]).length;
    const before = await count();
    for (const phone of ['15550000001', '15550000002', '15550000003']) {
      const { status, body } = await h.control('GET', `/_sim/handsets/${phone}/messages`);
      expect([status, body]).toEqual([200, { phone, inbox: [], outbox: [], cleared_after: null }]);
    }
    expect(await count()).toBe(before);
  });

  it('shows API keys to no page of another origin, and names no origin in CORS', async () => {
    const response = await fetch(`${h.url}/_sim/accounts`, {
      headers: { Origin: 'http://127.0.0.1:4020' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await response.text()).not.toContain('api_key');
  });

  it('serves its OpenAPI document with every control path', async () => {
    const { body } = await h.control('GET', '/_sim/openapi.json');
    const paths = Object.keys((body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/v1/messaging',
        '/_sim/accounts',
        '/_sim/handsets/{phone}/messages',
        '/_sim/faults',
        '/_sim/journal',
        '/_sim/clock/advance',
      ]),
    );
  });

  it('streams journal entries as server-sent events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${h.url}/_sim/events`, { signal: controller.signal });
    const reader = response.body?.getReader();
    await h.control('POST', '/_sim/accounts', {});
    let text = '';
    while (!text.includes('account created')) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    expect(text).toMatch(/event: journal\ndata: \{.*"detail":"account created"/);
  });

  it('forgets everything on reset', async () => {
    await h.control('POST', '/_sim/reset');
    const { body } = await h.control('GET', '/_sim/accounts');
    expect(body).toEqual([]);
  });
});

describe('clock and storage', () => {
  it('refuses to advance a real clock (409)', async () => {
    const sim = createSimulator();
    const response = await sim.app.request('/_sim/clock/advance', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"ms":1}',
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { code: 'not_manual_clock', message: 'the clock is real time; it cannot be advanced' },
    });
  });

  it('keeps accounts and numbers in the lowdb storage it is given', async () => {
    // Version 1 data (before revision 2's settings and opt-outs): migrated on read.
    const storage = new Low<WorldData>(new Memory<WorldData>(), {
      version: 1,
      accounts: {},
      numbers: {},
      handsetDelivery: {},
    } as unknown as WorldData);
    const first = createSimulator({ storage, clock: createManualClock() });
    await first.backend.ready;
    const account = await first.backend.accounts.create({});
    await first.backend.numbers.purchase(account.customerId, {});
    const second = createSimulator({ storage, clock: createManualClock() });
    await second.backend.ready;
    expect(second.backend.accounts.find(account.customerId)?.apiKey).toBe(account.apiKey);
    expect(second.backend.numbers.list(account.customerId)).toHaveLength(1);
  });
});

describe('the OpenAPI document', () => {
  const normalise = (path: string) => path.replace(/:[^/]+/g, '{}').replace(/\{[^}]+\}/g, '{}');

  it('describes every route the app serves', async () => {
    const sim = createSimulator({ clock: createManualClock() });
    const response = await sim.app.request('/_sim/openapi.json');
    const documented = Object.entries(
      (await response.json()) as { paths: Record<string, Record<string, unknown>> },
    )
      .flatMap(([, paths]) => Object.entries(paths))
      .flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${normalise(path)}`),
      );
    const served = sim.app.routes
      .filter(
        (r) => r.method !== 'ALL' && !r.path.endsWith('*') && r.path !== '/' && r.path !== '/_sim/',
      )
      .map((r) => `${r.method} ${normalise(r.path)}`);
    expect(served.filter((route) => !documented.includes(route))).toEqual([]);
  });
});

describe('callbacks through an injected fetch', () => {
  it('routes delivery reports to an in-process receiver without a socket', async () => {
    const bodies: string[] = [];
    const clock = createManualClock(Date.now());
    const sim = createSimulator({
      clock,
      fetch: async (_url, init) => {
        bodies.push(String(init?.body));
        return new Response(null, { status: 200 });
      },
    });
    await sim.backend.ready;
    const account = await sim.backend.accounts.create({
      callbackUrl: 'https://channel.invalid/inbound',
    });
    sim.backend.sendMessage(account, {
      phoneNumber: '15555550100',
      message: 'Hi',
      messageType: 'ARN',
      senderId: null,
      externalId: null,
      callbackUrl: null,
    });
    await clock.advance(1000);
    expect(bodies.map((b) => (JSON.parse(b) as { status: { code: number } }).status.code)).toEqual([
      203, 200,
    ]);
  });
});
