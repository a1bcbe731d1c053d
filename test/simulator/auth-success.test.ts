import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../lib/clock';
import { hmacSignature, stringToSign } from '../../lib/telesign-signing';
import { createSimulator } from '../../simulator/index';
import { type Harness, startHarness } from './harness';
import { rawRequest } from './raw-request';
import { call, RestClient, sdkClient } from './telesign-sdk';

const PARAMS = { phone_number: '15555550100', message: 'Hi', message_type: 'ARN' };

describe('accepted credentials on /v1/messaging', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());

  it('accepts Basic auth sent by rest.execute(..., "Basic")', async () => {
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const body = await call((cb) =>
      client.rest.execute(cb, 'POST', '/v1/messaging', PARAMS, 'Basic'),
    );
    expect(body.status).toMatchObject({ code: 290 });
  });

  it('verifies the signature of a JSON body signed by the SDK in JSON mode (then finds no form field)', async () => {
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    client.rest.setContentType('application/json');
    const body = await call((cb) => client.rest.execute(cb, 'POST', '/v1/messaging', PARAMS));
    expect(body.status).toMatchObject({ code: 12000 });
  });

  it('accepts x-ts-date in place of Date (empty Date line)', async () => {
    const { status } = await rawRequest(h.url, {
      customerId: h.customerId,
      apiKey: h.apiKey,
      body: 'phone_number=15555550100&message=Hi&message_type=ARN',
      date: null,
      xTsDate: new Date().toUTCString(),
    });
    expect(status).toBe(200);
  });

  it('answers 404/10017 for valid credentials and the all-zero reference id (API key probe)', async () => {
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const body = await call((cb) => client.sms.status(cb, '00000000000000000000000000000000'));
    expect(body.status).toMatchObject({
      code: 10017,
      description: 'Customer ID / Reference ID not found',
    });
  });

  it('verifies the decoded path the SDK signs for a reference id with a space', async () => {
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const body = await call((cb) => client.sms.status(cb, 'ref with space'));
    expect(body.status).toMatchObject({ code: 11011 });
  });

  it("accepts the SDK's wall-clock date after the manual clock moved 8 hours", async () => {
    await h.clock.advance(8 * 3_600_000);
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const body = await call((cb) => client.sms.message(cb, '15555550100', 'Hi', 'ARN'));
    expect(body.status).toMatchObject({ code: 290 });
  });

  it('verifies requests sent under a base path, signed without it', async () => {
    const clock = createManualClock(Date.now());
    const sim = createSimulator({ clock, basePath: '/telesign' });
    const { url } = await sim.listen(0);
    try {
      const account = await sim.backend.accounts.create({});
      const client = sdkClient(account.customerId, account.apiKey, `${url}/telesign`);
      const body = await call((cb) => client.sms.message(cb, '15555550100', 'Hi', 'ARN'));
      expect(body.status).toMatchObject({ code: 290 });
    } finally {
      await sim.close();
    }
  });
});

describe("the SDK's known-answer signatures", () => {
  const cid = 'FFFFFFFF-EEEE-DDDD-1234-AB1234567890';
  const key = 'VGVzdCBLZXk=';
  const date = 'Wed, 14 Dec 2016 18:20:12 GMT';
  const nonce = 'A1592C6F-E384-4CDB-BC42-C3AB970369E9';
  const vectors = [
    {
      method: 'POST',
      ct: 'application/x-www-form-urlencoded',
      body: 'test=param',
      sig: 'vXw/XzywdhgfEG2/zWLaFp7oXmjLB8iJDMndvDbZMjk=',
    },
    {
      method: 'POST',
      ct: 'application/x-www-form-urlencoded',
      body: 'test=%CF%BF',
      sig: 'lPpGXw4jTRdaEp2obzYAD5rR+2aWDInJ8ThLbq0nTGU=',
    },
    { method: 'GET', ct: '', body: null, sig: 'wscyrZZtA7kdXu0i4D5KXyDmBcwH52JF1feiEKp+ir0=' },
  ];

  for (const v of vectors) {
    it(`the fake accepts the SDK's ${v.method} ${v.body ?? '(no body)'} vector signed ${v.sig.slice(0, 8)}…`, async () => {
      const headers = RestClient.generateTeleSignHeaders(
        cid,
        key,
        v.method,
        '/v1/resource',
        v.ct,
        v.body,
        date,
        nonce,
        null,
      );
      expect(headers.Authorization).toBe(`TSA ${cid}:${v.sig}`);
      const sim = createSimulator({ clock: createManualClock(Date.parse(date)) });
      await sim.backend.ready;
      await sim.backend.accounts.create({ customerId: cid, apiKey: key });
      const response = await sim.app.request('/v1/resource', {
        method: v.method,
        headers: { ...headers, 'Content-Type': v.ct },
        ...(v.body !== null ? { body: v.body } : {}),
      });
      // Authentication passed: the path is simply not part of the faked API.
      expect(response.status).toBe(404);
      expect(((await response.json()) as { status: { code: number } }).status.code).toBe(-40004);
    });
  }

  it('computes the JSON vector of customer yourCustomerId', () => {
    const text = stringToSign({
      method: 'POST',
      contentType: 'application/json',
      date,
      authMethod: 'HMAC-SHA256',
      nonce,
      body: '{"key":"value"}',
      resource: '/v1/resource',
    });
    expect(hmacSignature('yourApiKey', text)).toBe('q5n15bclH8MY7OmbZnuVxwb9uivpmafJAlLcFnN/U8A=');
  });

  it('builds the same Basic header as the SDK', () => {
    const headers = RestClient.generateTeleSignHeaders(
      cid,
      key,
      'POST',
      '/v1/resource',
      '',
      null,
      date,
      nonce,
      null,
      'Basic',
    );
    expect(headers.Authorization).toBe(
      'Basic RkZGRkZGRkYtRUVFRS1ERERELTEyMzQtQUIxMjM0NTY3ODkwOlZHVnpkQ0JMWlhrPQ==',
    );
  });
});
