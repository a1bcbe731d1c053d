// The SDK gateway against the real fake TeleSign on a loopback socket.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSdkTeleSignGateway } from '../../channel/adapters/telesign-gateway-sdk';
import type { TeleSignCredentials } from '../../channel/service/telesign-gateway';
import { createSimulator, type Simulator } from '../../simulator/index';

let simulator: Simulator;
let url: string;
let credentials: TeleSignCredentials;
const SENDER = '14155550100';
const sms = {
  to: '14155550123',
  from: SENDER,
  text: 'Hello from the channel',
  externalId: 'msg_1',
};

const control = async (
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> => {
  const response = await fetch(`${url}/_sim${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
};

beforeAll(async () => {
  simulator = createSimulator({ hangMs: 2000 });
  url = (await simulator.listen(0)).url;
  const account = await control('POST', '/accounts', {});
  credentials = { customerId: String(account.customer_id), apiKey: String(account.api_key) };
  await control('POST', `/accounts/${credentials.customerId}/numbers`, { number: SENDER });
});
afterAll(async () => {
  await simulator.close();
});
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {}); // the SDK's "FATAL ERROR" lines
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fetch(`${url}/_sim/faults`, { method: 'DELETE' });
});

// A generous SDK timeout for answers that come (a loaded CI machine can take over 400 ms); the
// hanging-TeleSign test passes its own short one.
const gateway = (timeoutMs = 10_000) => createSdkTeleSignGateway({ restEndpoint: url, timeoutMs });

describe('sending through the SDK to the fake TeleSign', () => {
  it('sends and gets 290 with a 32-hex reference id', async () => {
    const outcome = await gateway().sendSms(credentials, sms);
    expect(outcome).toMatchObject({ ok: true, status: { code: 290 } });
    expect(outcome.ok && outcome.referenceId).toMatch(/^[0-9A-F]{32}$/);
  });

  it('reports a wrong API key as TeleSign 10008, not retryable', async () => {
    const outcome = await gateway().sendSms({ ...credentials, apiKey: 'b3RoZXJLZXk=' }, sms);
    expect(outcome).toMatchObject({ ok: false, code: 10008, retryable: false });
  });

  it('reports an unknown customer id as TeleSign 10013 or 10015', async () => {
    const outcome = await gateway().sendSms(
      { ...credentials, customerId: '00000000-0000-0000-0000-000000000000' },
      sms,
    );
    expect(outcome.ok).toBe(false);
    expect([10013, 10015]).toContain(outcome.ok ? 0 : outcome.code);
  });

  it('reports an invalid phone number as TeleSign 11000, not retryable', async () => {
    const outcome = await gateway().sendSms(credentials, { ...sms, to: '+1 415' });
    expect(outcome).toMatchObject({ ok: false, code: 11000, retryable: false });
  });

  it("reports the fake's rate limit as 10019, retryable", async () => {
    await control('PUT', `/accounts/${credentials.customerId}/rate-limit`, { perSecond: 1 });
    try {
      const g = gateway();
      const outcomes = [await g.sendSms(credentials, sms), await g.sendSms(credentials, sms)];
      expect(outcomes[1]).toMatchObject({ ok: false, code: 10019, retryable: true });
    } finally {
      await control('PUT', `/accounts/${credentials.customerId}/rate-limit`, { perSecond: null });
    }
  });

  it("reports TeleSign's 503 system-unavailable envelope (-90001) as retryable", async () => {
    await control('PUT', '/faults', { target: 'api', kind: 'unavailable' });
    const outcome = await gateway().sendSms(credentials, sms);
    expect(outcome).toMatchObject({ ok: false, code: -90001, retryable: true });
  });

  it('reports a non-JSON answer as a retryable bad response', async () => {
    await control('PUT', '/faults', { target: 'api', kind: 'non-json' });
    expect(await gateway().sendSms(credentials, sms)).toMatchObject({
      ok: false,
      code: 'bad-response',
      retryable: true,
    });
  });

  it('reports an empty answer as a retryable bad response', async () => {
    await control('PUT', '/faults', { target: 'api', kind: 'empty' });
    expect(await gateway().sendSms(credentials, sms)).toMatchObject({
      ok: false,
      code: 'bad-response',
    });
  });

  it('reports a hanging TeleSign as a timeout after the SDK timeout', async () => {
    await control('PUT', '/faults', { target: 'api', kind: 'hang' });
    expect(await gateway(400).sendSms(credentials, sms)).toMatchObject({
      ok: false,
      code: 'timeout',
      retryable: true,
    });
  });

  it('reports a closed port as unreachable', async () => {
    const closed = createSimulator();
    const { url: deadUrl } = await closed.listen(0);
    await closed.close();
    // A timeout far beyond the refusal: with 400 ms, a worker stalled that long on a loaded machine
    // ran its timer before the refusal and read the closed port as a timeout.
    const outcome = await createSdkTeleSignGateway({
      restEndpoint: deadUrl,
      timeoutMs: 15_000,
    }).sendSms(credentials, sms);
    expect(outcome).toMatchObject({ ok: false, code: 'unreachable', retryable: true });
  });
});

describe('validating credentials against the fake TeleSign (R-WS-5)', () => {
  it('says valid for the account credentials', async () => {
    expect((await gateway().probeCredentials(credentials)).outcome).toBe('valid');
  });

  it('says API key invalid for a wrong key', async () => {
    expect(
      (await gateway().probeCredentials({ ...credentials, apiKey: 'b3RoZXJLZXk=' })).outcome,
    ).toBe('api-key-invalid');
  });

  it('says customer ID invalid for an unknown customer', async () => {
    const outcome = await gateway().probeCredentials({
      ...credentials,
      customerId: '00000000-0000-0000-0000-000000000000',
    });
    expect(outcome.outcome).toBe('customer-id-invalid');
  });

  it('says TeleSign unreachable when the fake answers non-JSON', async () => {
    await control('PUT', '/faults', { target: 'api', kind: 'non-json' });
    expect((await gateway().probeCredentials(credentials)).outcome).toBe('telesign-unreachable');
  });
});

describe('validating the number with a test SMS to itself (R-WS-5, R-NUM-5)', () => {
  it('sends the test SMS from and to the number, and says checking (its return proves the number)', async () => {
    const outcome = await gateway().probeCredentials(credentials, {
      number: SENDER,
      workStreamName: 'Billing',
    });
    expect(outcome).toEqual({
      outcome: 'checking',
      detail: `TeleSign accepted the customer ID and API key and a test SMS from and to ${SENDER}.`,
    });
    const messages = (await (
      await fetch(`${url}/_sim/messages?customer_id=${credentials.customerId}`)
    ).json()) as Array<Record<string, unknown>>;
    expect(messages.at(-1)).toMatchObject({
      phone_number: SENDER,
      sender_id: SENDER,
      message: 'Validation test from Billing',
      external_id: `validate:${SENDER}`,
    });
  });

  it('is not refused for a number the account did not purchase: TeleSign overrides the sender', async () => {
    const outcome = await gateway().probeCredentials(credentials, {
      number: '14155550177',
      workStreamName: 'Borrowed',
    });
    expect(outcome.outcome).toBe('checking');
    const messages = (await (
      await fetch(`${url}/_sim/messages?customer_id=${credentials.customerId}`)
    ).json()) as Array<Record<string, unknown>>;
    expect(messages.at(-1)).toMatchObject({
      phone_number: '14155550177',
      sender_id: '18445550199',
    });
  });

  it('reports bad credentials before trying the number', async () => {
    const outcome = await gateway().probeCredentials(
      { ...credentials, apiKey: 'b3RoZXJLZXk=' },
      { number: '14155550177', workStreamName: 'Borrowed' },
    );
    expect(outcome.outcome).toBe('api-key-invalid');
  });
});
