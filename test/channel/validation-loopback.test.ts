// "Validate API key" end to end over real sockets: the test SMS to the work stream's own number
// comes back through the fake TeleSign as an inbound SMS and opens no conversation (R-WS-5, R-NUM-5).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Channel, openChannel } from '../../channel/index';
import { createManualClock, type ManualClock } from '../../lib/clock';
import { createSeededIds } from '../../lib/ids';
import { createSimulator, type Simulator } from '../../simulator/index';
import { call } from './loopback-call';

const SUPPORT = '14155550100';

let clock: ManualClock;
let simulator: Simulator;
let channel: Channel;
let fake = '';
let api = '';

/** A TeleSign account (callback URL = the channel) and a work stream with `number`. */
async function workStreamWith(number: string, purchased: boolean): Promise<string> {
  const account = await call<{ customer_id: string; api_key: string }>(
    fake,
    'POST',
    '/_sim/accounts',
    {},
  );
  if (purchased)
    await call(fake, 'POST', `/_sim/accounts/${account.customer_id}/numbers`, { number });
  const org = await call<{ inboundUrl: string }>(api, 'GET', '/api/organisation');
  await call(fake, 'PUT', `/_sim/accounts/${account.customer_id}/callback-url`, {
    url: org.inboundUrl,
  });
  const ws = await call<{ id: string }>(api, 'POST', '/api/work-streams', {
    name: 'Billing',
    mode: 'push',
  });
  await call(api, 'PUT', `/api/work-streams/${ws.id}/sms-settings`, {
    customerId: account.customer_id,
    apiKey: account.api_key,
  });
  await call(api, 'POST', `/api/work-streams/${ws.id}/numbers`, { number });
  return ws.id;
}

beforeEach(async () => {
  clock = createManualClock();
  simulator = createSimulator({
    clock,
    ids: createSeededIds('validation-fake'),
  });
  fake = (await simulator.listen(0)).url;
  channel = await openChannel({
    clock,
    ids: createSeededIds('validation-channel'),
    telesignUrl: fake,
    telesignTimeoutMs: 2000,
  });
  api = (await channel.listen(0)).url;
});

afterEach(async () => {
  await channel?.close();
  await simulator?.close();
});

type WorkStreamView = { sms: { validation: { outcome: string; detail: string } | null } };
const validationOf = async (id: string) =>
  (await call<WorkStreamView>(api, 'GET', `/api/work-streams/${id}`)).sms.validation;

describe('validating a work stream by a test SMS to its own number (R-WS-5 clarified)', () => {
  it('says checking, then valid once the test SMS came back, recorded as validation-probe, opening no conversation', async () => {
    const id = await workStreamWith(SUPPORT, true);
    const validation = await call<{ outcome: string }>(
      api,
      'POST',
      `/api/work-streams/${id}/validate-api-key`,
    );
    expect(validation.outcome).toBe('checking');
    await clock.advance(2000); // delivered after 1 s, then looped back as mo_sms
    expect(await validationOf(id)).toMatchObject({
      outcome: 'valid',
      detail: expect.stringContaining(`the test SMS came back from and to ${SUPPORT}`),
    });
    const events = await call<{ items: Array<{ outcome: string; rawBody: string }> }>(
      api,
      'GET',
      '/api/inbound-events?kind=sms',
    );
    const probe = events.items.find((e) => e.outcome === 'validation-probe');
    expect(JSON.parse(probe?.rawBody ?? '{}').user_response).toEqual({
      phone_number: SUPPORT,
      sender_id: SUPPORT,
      mo_message: 'Validation test from Billing',
    });
    expect(await call(api, 'GET', '/api/conversations')).toEqual({ items: [], next: null });
  });

  it('says number-not-owned, naming the number, when the test SMS has not come back after 60 s (R-NUM-5)', async () => {
    const id = await workStreamWith('14155550177', false);
    const validation = await call<{ outcome: string }>(
      api,
      'POST',
      `/api/work-streams/${id}/validate-api-key`,
    );
    expect(validation.outcome).toBe('checking');
    await clock.advance(59_000);
    expect((await validationOf(id))?.outcome).toBe('checking');
    await clock.advance(1000);
    expect(await validationOf(id)).toMatchObject({
      outcome: 'number-not-owned',
      detail: expect.stringContaining('the account does not own 14155550177'),
    });
  });

  it("says number-not-owned for another account's number: TeleSign overrides the sender, the SMS goes to its owner", async () => {
    const owner = await call<{ customer_id: string }>(fake, 'POST', '/_sim/accounts', {});
    await call(fake, 'POST', `/_sim/accounts/${owner.customer_id}/numbers`, {
      number: '14155550188',
    });
    const id = await workStreamWith('14155550188', false);
    await call(api, 'POST', `/api/work-streams/${id}/validate-api-key`);
    await clock.advance(60_000);
    expect((await validationOf(id))?.outcome).toBe('number-not-owned');
  });
});
