// Account states set through the control plane (reference/telesign.md §11.7): trial, hard cap, prepaid.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { rawRequest } from './raw-request';
import { call, sdkClient } from './telesign-sdk';

const PHONE = '15555550100';

describe('account states', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());
  beforeEach(async () => {
    await h.control('PUT', `/_sim/accounts/${h.customerId}/settings`, {
      trial: false,
      hard_cap: null,
      prepaid_balance: null,
      price_per_segment: 0.0075,
    });
  });

  const settings = (body: Record<string, unknown>) =>
    h.control('PUT', `/_sim/accounts/${h.customerId}/settings`, body);
  const send = (phone = PHONE, message = 'Hi') =>
    rawRequest(h.url, {
      customerId: h.customerId,
      apiKey: h.apiKey,
      body: new URLSearchParams({ phone_number: phone, message, message_type: 'ARN' }).toString(),
    });

  it('lets a trial account send only to its verified numbers: 400/10033 otherwise', async () => {
    await settings({ trial: true, verified_numbers: ['15555550199'] });
    const refused = await send(PHONE);
    expect(refused.status).toBe(400);
    expect(refused.body.status).toMatchObject({
      code: 10033,
      description: 'Unverified phone_number requested for trial account.',
    });
    expect(refused.hint).toMatch(/^trial account: 15555550100 is not one of its verified numbers/);
    const verified = await send('15555550199');
    expect(verified.status).toBe(200);
    expect(verified.body.status.code).toBe(290);
  });

  it('shows the SDK the trial refusal too', async () => {
    await settings({ trial: true, verified_numbers: [] });
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const body = await call((cb) => client.sms.message(cb, PHONE, 'Hi', 'ARN'));
    expect(body.status).toMatchObject({
      code: 10033,
      description: 'Unverified phone_number requested for trial account.',
    });
  });

  it('refuses sends beyond the hard cap with 429/10020, counting from when the cap was set', async () => {
    await settings({ hard_cap: 2 });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const third = await send();
    expect(third.status).toBe(429);
    expect(third.body.status).toMatchObject({
      code: 10020,
      description: 'Messaging exceeded transaction hard cap. Request denied.',
    });
    expect(third.hint).toBe('transaction hard cap: 2 of 2 messages sent since the cap was set');
    await settings({ hard_cap: 2 });
    expect((await send()).status).toBe(200);
  });

  it('takes each message from the prepaid balance and answers 402/10030 when it runs short', async () => {
    await settings({ prepaid_balance: 0.02, price_per_segment: 0.0075 });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const account = await h.control('GET', `/_sim/accounts/${h.customerId}/settings`);
    expect(account.body).toMatchObject({ prepaid_balance: 0.005 });
    const refused = await send();
    expect(refused.status).toBe(402);
    expect(refused.body.status).toMatchObject({
      code: 10030,
      description: 'Insufficient funds in prepaid wallet',
    });
  });

  it('prices every segment: a two-part message costs twice', async () => {
    await settings({ prepaid_balance: 0.01, price_per_segment: 0.0075 });
    const refused = await send(PHONE, 'a'.repeat(161));
    expect(refused.status).toBe(402);
    expect(refused.hint).toMatch(/below the price of this message, 0.015 USD/);
  });

  it('names the field of bad settings', async () => {
    expect(await settings({ verified_numbers: ['+15555550100'] })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_field', field: 'verified_numbers.0' } },
    });
    expect(await settings({ hard_cap: -1 })).toMatchObject({
      status: 400,
      body: { error: { field: 'hard_cap' } },
    });
    expect(await settings({ prepaid_balance: 'ten' })).toMatchObject({
      status: 400,
      body: { error: { field: 'prepaid_balance' } },
    });
    expect(await settings({ currency: 'usd' })).toMatchObject({
      status: 400,
      body: { error: { field: 'currency' } },
    });
    expect(
      await h.control('PUT', '/_sim/accounts/AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE/settings', {}),
    ).toMatchObject({ status: 404, body: { error: { code: 'not_found', field: 'customer_id' } } });
  });
});
