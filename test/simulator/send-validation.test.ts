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
  const raw = (params: Record<string, string>) =>
    rawRequest(h.url, {
      customerId: h.customerId,
      apiKey: h.apiKey,
      body: new URLSearchParams(params).toString(),
    });
  const without = (field: keyof typeof BASE) => {
    const copy: Record<string, string> = { ...BASE };
    delete copy[field];
    return copy;
  };

  /** [what, params, code, TeleSign's description, the fake's hint]. */
  const cases: [string, Record<string, string>, number, string, RegExp][] = [
    [
      'a missing phone_number',
      without('phone_number'),
      12000,
      'Missing required parameter phone_number',
      /phone_number is required/,
    ],
    [
      'a missing message',
      without('message'),
      12009,
      'Missing required parameter message',
      /message is required/,
    ],
    [
      'a missing message_type',
      without('message_type'),
      12017,
      'Missing required parameter message_type',
      /message_type is required/,
    ],
    [
      'a phone number with "+"',
      { ...BASE, phone_number: '+15555550100' },
      11000,
      'Invalid value for parameter phone_number.',
      /without "\+"/,
    ],
    [
      'a phone number with spaces',
      { ...BASE, phone_number: '1 555 555 0100' },
      11000,
      'Invalid value for parameter phone_number.',
      /7 to 15 digits/,
    ],
    [
      'an unknown country calling code',
      { ...BASE, phone_number: '999123456789' },
      11001,
      'Invalid country code for parameter phone_number',
      /does not start with a known country calling code/,
    ],
    [
      'a message of 1601 characters',
      { ...BASE, message: 'a'.repeat(1601) },
      11009,
      'Invalid value for parameter message',
      /1601 characters, the limit is 1600/,
    ],
    [
      'an unknown message_type',
      { ...BASE, message_type: 'SPAM' },
      11017,
      'Invalid value for parameter message_type',
      /"SPAM" is not one of OTP, ARN, MKT/,
    ],
    [
      'a sender_id of 21 characters',
      { ...BASE, sender_id: 'A'.repeat(21) },
      11013,
      'Invalid value for parameter sender_id',
      /1 to 20 letters, digits or spaces/,
    ],
    [
      'a callback_url that is not a URL',
      { ...BASE, callback_url: 'not a url' },
      11004,
      'Invalid value for parameter callback_url',
      /not an absolute URL/,
    ],
    [
      'an external_id of 101 characters',
      { ...BASE, external_id: 'x'.repeat(101) },
      11016,
      'Invalid value for parameter external_id',
      /1 to 100 characters/,
    ],
    [
      'an unknown account_lifecycle_event',
      { ...BASE, account_lifecycle_event: 'bogus' },
      11003,
      'Invalid value for parameter account_lifecycle_event',
      /one of create, sign-in/,
    ],
    [
      'an originating_ip that is not an IP',
      { ...BASE, originating_ip: '300.1.1.1' },
      11010,
      'Invalid value for parameter originating_ip',
      /an IPv4 or IPv6 address/,
    ],
  ];
  for (const [what, params, code, description, hint] of cases) {
    it(`answers 400/${code} "${description}" for ${what}`, async () => {
      const answer = await raw(params);
      expect(answer.status).toBe(400);
      expect(answer.body.status).toMatchObject({ code, description });
      expect(answer.hint).toMatch(hint);
    });
  }

  it('shows the SDK the same code and TeleSign text', async () => {
    const body = await send({ ...BASE, phone_number: '+15555550100' });
    expect(body).toEqual({
      external_id: null,
      status: {
        code: 11000,
        description: 'Invalid value for parameter phone_number.',
        updated_on: expect.stringMatching(/\.\d{6}Z$/),
      },
    });
  });

  it('accepts 1600 emoji (the limit counts characters, not UTF-16 units)', async () => {
    const body = await send({ ...BASE, message: '😀'.repeat(1600) });
    expect(body.status).toMatchObject({ code: 290 });
  });

  it('echoes external_id in the answer', async () => {
    const body = await send({ ...BASE, external_id: 'order-42' });
    expect(body.external_id).toBe('order-42');
  });

  it('answers 400/11011 for a malformed reference id', async () => {
    const body = await call((cb) => client.sms.status(cb, 'XYZ'));
    expect(body.status).toMatchObject({
      code: 11011,
      description: 'Invalid value for parameter reference_id',
    });
  });

  it('answers 404/10017 for a reference id of another customer', async () => {
    const other = await h.control('POST', '/_sim/accounts', {});
    const { customer_id, api_key } = other.body as { customer_id: string; api_key: string };
    const sent = await send(BASE);
    const otherClient = sdkClient(customer_id, api_key, h.url);
    const body = await call((cb) => otherClient.sms.status(cb, String(sent.reference_id)));
    expect(body.status).toMatchObject({
      code: 10017,
      description: 'Customer ID / Reference ID not found',
    });
  });
});
