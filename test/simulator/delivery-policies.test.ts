import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { call, sdkClient } from './telesign-sdk';

describe('delivery policies', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());

  const sendAndWait = async (phone: string, ms: number) => {
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const sent = await call((cb) => client.sms.message(cb, phone, 'Hi', 'ARN'));
    await h.clock.advance(ms);
    return call((cb) => client.sms.status(cb, String(sent.reference_id)));
  };

  it('fails a message to a handset with the chosen final code and its description', async () => {
    await h.control('PUT', '/_sim/handsets/15555550200/delivery', { policy: { fail: 230 } });
    const body = await sendAndWait('15555550200', 1000);
    expect(body.status).toMatchObject({ code: 230, description: 'Message blocked by TeleSign' });
  });

  it('keeps a stuck message in progress for as long as its status is kept (12 h)', async () => {
    await h.control('PUT', '/_sim/handsets/15555550201/delivery', { policy: 'stuck' });
    const body = await sendAndWait('15555550201', 12 * 3_600_000 - 1000);
    expect(body.status).toMatchObject({ code: 290 });
  });

  it('reports 507 for an unknown number', async () => {
    await h.control('PUT', '/_sim/handsets/15555550202/delivery', { policy: 'unknown-number' });
    const body = await sendAndWait('15555550202', 300);
    expect(body.status).toMatchObject({ code: 507, description: 'Invalid destination address' });
  });

  it('delivers after the given delay and not before', async () => {
    await h.control('PUT', '/_sim/handsets/15555550203/delivery', { policy: { after: 5000 } });
    const early = await sendAndWait('15555550203', 4999);
    expect(early.status).toMatchObject({ code: 290 });
  });

  it('adds the extra delay to every step', async () => {
    await h.control('PUT', '/_sim/handsets/15555550204/delivery', {
      policy: 'immediate',
      delayMs: 2000,
    });
    const body = await sendAndWait('15555550204', 2000);
    expect(body.status).toMatchObject({ code: 200 });
  });

  it("uses the sending number's policy when the handset has none", async () => {
    await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, { number: '12025550177' });
    await h.control('PUT', `/_sim/accounts/${h.customerId}/numbers/12025550177/delivery`, {
      policy: { fail: 514 },
    });
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const sent = await call((cb) =>
      client.rest.execute(cb, 'POST', '/v1/messaging', {
        phone_number: '15555550205',
        message: 'Hi',
        message_type: 'ARN',
        sender_id: '12025550177',
      }),
    );
    await h.clock.advance(1000);
    const body = await call((cb) => client.sms.status(cb, String(sent.reference_id)));
    expect(body.status).toMatchObject({ code: 514 });
  });

  it('records the full status history of a message', async () => {
    await h.control('PUT', '/_sim/handsets/15555550206/delivery', { policy: 'default' });
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const sent = await call((cb) => client.sms.message(cb, '15555550206', 'Hi', 'ARN'));
    await h.clock.advance(1000);
    const record = await h.control('GET', `/_sim/messages/${String(sent.reference_id)}`);
    expect((record.body as { history: { code: number }[] }).history.map((s) => s.code)).toEqual([
      290, 203, 200,
    ]);
  });

  it('refuses a policy failure code that is not final, naming the field', async () => {
    const answer = await h.control('PUT', '/_sim/handsets/15555550207/delivery', {
      policy: { fail: 290 },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'invalid_field', field: 'policy.fail' } });
  });
});

describe('rate limit', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());

  it('answers 429/10019 past the per-second limit and recovers a second later', async () => {
    await h.control('PUT', `/_sim/accounts/${h.customerId}/rate-limit`, { perSecond: 2 });
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const send = () => call((cb) => client.sms.message(cb, '15555550100', 'Hi', 'ARN'));
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push(((await send()).status as { code: number }).code);
    expect(codes).toEqual([290, 290, 10019]);
    await h.clock.advance(1000);
    expect((await send()).status).toMatchObject({ code: 290 });
  });

  it('is off by default', async () => {
    const other = await h.control('POST', '/_sim/accounts', {});
    expect((other.body as { rate_limit_per_second: unknown }).rate_limit_per_second).toBeNull();
  });
});
