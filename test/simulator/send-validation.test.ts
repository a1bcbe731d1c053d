import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { rawRequest } from './raw-request';
import { call, sdkClient, type TeleSignClient } from './telesign-sdk';

const BASE = { phone_number: '15555550100', message: 'Hi', message_type: 'ARN' };

describe('POST /v1/messaging parameter errors', () => {
  let h: Harness;
  let client: TeleSignClient;
  beforeAll(async () => {
    h = await startHarness();
    client = sdkClient(h.customerId, h.apiKey, h.url);
  });
  afterAll(() => h.sim.close());

  const send = (params: Record<string, string>) =>
    call((cb) => client.rest.execute(cb, 'POST', '/v1/messaging', params));
  const without = (field: keyof typeof BASE) => {
    const copy: Record<string, string> = { ...BASE };
    delete copy[field];
    return copy;
  };

  const cases: [string, Record<string, string>, number, RegExp][] = [
    [
      'a missing phone_number',
      without('phone_number'),
      12000,
      /^Missing required parameter phone_number/,
    ],
    ['a missing message', without('message'), 12009, /^Missing required parameter message\./],
    [
      'a missing message_type',
      without('message_type'),
      12017,
      /^Missing required parameter message_type/,
    ],
    ['a phone number with "+"', { ...BASE, phone_number: '+15555550100' }, 11000, /without "\+"/],
    [
      'a phone number with spaces',
      { ...BASE, phone_number: '1 555 555 0100' },
      11000,
      /^Invalid value for parameter phone_number/,
    ],
    [
      'an unknown country calling code',
      { ...BASE, phone_number: '999123456789' },
      11001,
      /^Invalid country code in phone_number/,
    ],
    [
      'a message of 1601 characters',
      { ...BASE, message: 'a'.repeat(1601) },
      11009,
      /1601 characters, the limit is 1600/,
    ],
    [
      'an unknown message_type',
      { ...BASE, message_type: 'SPAM' },
      11017,
      /"SPAM" is not one of OTP, ARN, MKT/,
    ],
    [
      'a sender_id of 21 characters',
      { ...BASE, sender_id: 'A'.repeat(21) },
      11013,
      /^Invalid value for parameter sender_id/,
    ],
    [
      'a callback_url that is not a URL',
      { ...BASE, callback_url: 'not a url' },
      11004,
      /^Invalid value for parameter callback_url/,
    ],
    [
      'an external_id of 101 characters',
      { ...BASE, external_id: 'x'.repeat(101) },
      11016,
      /^Invalid value for parameter external_id/,
    ],
    [
      'an unknown account_lifecycle_event',
      { ...BASE, account_lifecycle_event: 'bogus' },
      11003,
      /^Invalid value for parameter account_lifecycle_event/,
    ],
    [
      'an originating_ip that is not an IP',
      { ...BASE, originating_ip: '300.1.1.1' },
      11010,
      /^Invalid value for parameter originating_ip/,
    ],
  ];
  for (const [what, params, code, description] of cases) {
    it(`answers ${code} for ${what}`, async () => {
      const body = await send(params);
      const status = body.status as { code: number; description: string };
      expect(status.code).toBe(code);
      expect(status.description).toMatch(description);
    });
  }

  it('answers HTTP 400 for a parameter error', async () => {
    const { status } = await rawRequest(h.url, {
      customerId: h.customerId,
      apiKey: h.apiKey,
      body: 'message=Hi',
    });
    expect(status).toBe(400);
  });

  it('accepts 1600 emoji (the limit counts characters, not UTF-16 units)', async () => {
    const body = await send({ ...BASE, message: '😀'.repeat(1600) });
    expect(body.status).toMatchObject({ code: 290 });
  });

  it('echoes external_id in the answer', async () => {
    const body = await send({ ...BASE, external_id: 'order-42' });
    expect(body.external_id).toBe('order-42');
  });

  it('answers 11000 naming the type when a JSON phone_number is a number', async () => {
    const body = JSON.stringify({ ...BASE, phone_number: 15555550100 });
    const { status, body: answer } = await rawRequest(h.url, {
      customerId: h.customerId,
      apiKey: h.apiKey,
      contentType: 'application/json',
      body,
    });
    expect(status).toBe(400);
    expect(answer.status).toMatchObject({
      code: 11000,
      description: 'Invalid value for parameter phone_number: expected a string, got number.',
    });
  });

  it('answers 400/-40006 for malformed JSON', async () => {
    const { status, body } = await rawRequest(h.url, {
      customerId: h.customerId,
      apiKey: h.apiKey,
      contentType: 'application/json',
      body: '{"phone_number":',
    });
    expect(status).toBe(400);
    expect(body.status).toMatchObject({
      code: -40006,
      description: 'Bad request: the body is not valid JSON.',
    });
  });

  it('answers 400/-40006 for an unsupported content type', async () => {
    const { status, body } = await rawRequest(h.url, {
      customerId: h.customerId,
      apiKey: h.apiKey,
      contentType: 'text/plain',
      body: 'hello',
    });
    expect(status).toBe(400);
    expect(body.status.description).toMatch(/Content-Type "text\/plain" is not supported/);
  });

  it('answers 400/11011 for a malformed reference id', async () => {
    const body = await call((cb) => client.sms.status(cb, 'XYZ'));
    expect(body.status).toMatchObject({
      code: 11011,
      description: 'Invalid value for parameter reference_id: 32 hexadecimal digits.',
    });
  });

  it('answers 404/10017 for a reference id of another customer', async () => {
    const other = await h.control('POST', '/_sim/accounts', {});
    const { customer_id, api_key } = other.body as { customer_id: string; api_key: string };
    const sent = await send(BASE);
    const otherClient = sdkClient(customer_id, api_key, h.url);
    const body = await call((cb) => otherClient.sms.status(cb, String(sent.reference_id)));
    expect((body.status as { code: number }).code).toBe(10017);
  });
});
