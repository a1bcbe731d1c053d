import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { rawRequest } from './raw-request';
import { call, sdkClient } from './telesign-sdk';

const FORM = 'phone_number=15555550100&message=Hi&message_type=ARN';
const PARAMS = { phone_number: '15555550100', message: 'Hi', message_type: 'ARN' };
/** TeleSign's microsecond timestamps: 2016-10-21T14:05:36.181346Z. */
const UPDATED_ON = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

describe('authentication failures on /v1/messaging', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());
  const raw = (o: Partial<Parameters<typeof rawRequest>[1]>) =>
    rawRequest(h.url, { customerId: h.customerId, apiKey: h.apiKey, body: FORM, ...o });

  it("answers 10013 with TeleSign's text for a customer id that has no account", async () => {
    const client = sdkClient('AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE', h.apiKey, h.url);
    const body = await call((cb) => client.sms.message(cb, '15555550100', 'Hi', 'ARN'));
    expect(body).toEqual({
      status: {
        code: 10013,
        description: 'Invalid Request. CustomerID Account Not Found',
        updated_on: expect.stringMatching(UPDATED_ON),
      },
    });
  });

  it('answers 10015 "Invalid customer ID" for a malformed customer id', async () => {
    const client = sdkClient('yourCustomerId', h.apiKey, h.url);
    const body = await call((cb) => client.sms.message(cb, '15555550100', 'Hi', 'ARN'));
    expect(body.status).toMatchObject({ code: 10015, description: 'Invalid customer ID' });
  });

  it('answers 10008 "Invalid Signature." when the SDK signs with another key', async () => {
    const client = sdkClient(h.customerId, 'V3JvbmcgS2V5', h.url);
    const body = await call((cb) => client.sms.message(cb, '15555550100', 'Hi', 'ARN'));
    expect(body.status).toMatchObject({ code: 10008, description: 'Invalid Signature.' });
  });

  it('answers HTTP 401 and puts the explanation in x-sim-hint, not in the body', async () => {
    const { status, body, hint } = await raw({ separator: '\r\n' });
    expect(status).toBe(401);
    expect(body.status).toMatchObject({ code: 10008, description: 'Invalid Signature.' });
    expect(hint).toMatch(/HMAC-SHA256 of the string-to-sign .* does not match/);
    expect(Object.keys(body)).toEqual(['status']);
  });

  it('answers 10008 when the Authorization header is missing', async () => {
    const { status, body, hint } = await raw({ authorization: null });
    expect(status).toBe(401);
    expect(body.status).toMatchObject({ code: 10008, description: 'Invalid Signature.' });
    expect(hint).toMatch(/^Missing Authorization header/);
  });

  it('answers 10008 when the Authorization header is malformed', async () => {
    const { status, body, hint } = await raw({ authorization: `Bearer ${h.customerId}` });
    expect(status).toBe(401);
    expect(body.status.code).toBe(10008);
    expect(hint).toMatch(/^Authorization header is malformed/);
  });

  it('answers 10005 when neither Date nor x-ts-date is sent', async () => {
    const { status, body } = await raw({ date: null });
    expect(status).toBe(401);
    expect(body.status).toMatchObject({
      code: 10005,
      description: 'Date or x-ts-date header is not RFC822 compliant',
    });
  });

  it('answers 10005 when the date is not RFC 822', async () => {
    const { status, body, hint } = await raw({ date: new Date().toISOString() });
    expect(status).toBe(401);
    expect(body.status).toMatchObject({
      code: 10005,
      description: 'Date or x-ts-date header is not RFC822 compliant',
    });
    expect(hint).toMatch(/is not RFC 822 compliant/);
  });

  it('answers 10004 when the SDK signs a date 16 minutes away from the clock', async () => {
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const date = new Date(h.clock.now() - 16 * 60_000).toUTCString();
    const body = await call((cb) =>
      client.rest.execute(cb, 'POST', '/v1/messaging', PARAMS, null, null, date),
    );
    expect(body.status).toMatchObject({
      code: 10004,
      description: 'Date or x-ts-date header is not within tolerable range',
    });
  });

  it('accepts a date 14 minutes away from the clock', async () => {
    const { status } = await raw({ date: new Date(h.clock.now() + 14 * 60_000).toUTCString() });
    expect(status).toBe(200);
  });

  it('answers 10003 when the nonce is longer than 255 characters', async () => {
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const body = await call((cb) =>
      client.rest.execute(cb, 'POST', '/v1/messaging', PARAMS, null, 'n'.repeat(256)),
    );
    expect(body.status).toMatchObject({
      code: 10003,
      description: 'x-ts-nonce header value is either too long or too short',
    });
  });

  it('answers 10002 when the SDK reuses a nonce within the window', async () => {
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const nonce = crypto.randomUUID();
    const first = await call((cb) =>
      client.rest.execute(cb, 'POST', '/v1/messaging', PARAMS, null, nonce),
    );
    const second = await call((cb) =>
      client.rest.execute(cb, 'POST', '/v1/messaging', PARAMS, null, nonce),
    );
    expect(first.status).toMatchObject({ code: 290 });
    expect(second.status).toMatchObject({
      code: 10002,
      description: 'x-ts-nonce header value has been used recently',
    });
  });

  it('answers 401/10002 over raw HTTP for a replayed nonce', async () => {
    const nonce = crypto.randomUUID();
    await raw({ nonce });
    const { status, body } = await raw({ nonce });
    expect(status).toBe(401);
    expect(body.status.code).toBe(10002);
  });

  it('answers 10008 for an x-ts-auth-method other than HMAC-SHA256', async () => {
    const { status, body, hint } = await raw({ authMethod: 'HMAC-SHA1' });
    expect(status).toBe(401);
    expect(body.status).toMatchObject({ code: 10008, description: 'Invalid Signature.' });
    expect(hint).toMatch(/only HMAC-SHA256 is supported/);
  });

  it('answers 10008 for Basic auth with the wrong API key', async () => {
    const client = sdkClient(h.customerId, 'V3JvbmcgS2V5', h.url);
    const body = await call((cb) =>
      client.rest.execute(cb, 'POST', '/v1/messaging', PARAMS, 'Basic'),
    );
    expect(body.status).toMatchObject({ code: 10008, description: 'Invalid Signature.' });
  });

  it('gives every authentication failure its own hint, and journals it', async () => {
    const answers = await Promise.all([
      raw({ authorization: null }),
      raw({ authorization: 'Bearer x' }),
      raw({ date: null }),
      raw({ date: 'yesterday' }),
      raw({ authMethod: 'MD5' }),
      raw({ separator: '\r\n' }),
    ]);
    const hints = answers.map((a) => a.hint);
    expect(new Set(hints).size).toBe(hints.length);
    const journal = await h.control('GET', '/_sim/journal?kind=api');
    const details = (journal.body as { detail: string }[]).map((e) => e.detail).join('\n');
    for (const hint of hints) expect(details).toContain(hint);
  });
});
