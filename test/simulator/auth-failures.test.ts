import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { rawRequest } from './raw-request';
import { call, sdkClient } from './telesign-sdk';

const FORM = 'phone_number=15555550100&message=Hi&message_type=ARN';

describe('authentication failures on /v1/messaging', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());
  const raw = (o: Partial<Parameters<typeof rawRequest>[1]>) =>
    rawRequest(h.url, { customerId: h.customerId, apiKey: h.apiKey, body: FORM, ...o });

  it('answers 401/10013 with -30000 for a customer id that has no account', async () => {
    const client = sdkClient('AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE', h.apiKey, h.url);
    const body = await call((cb) => client.sms.message(cb, '15555550100', 'Hi', 'ARN'));
    expect(body.status).toMatchObject({ code: 10013 });
    expect(String((body.status as { description: string }).description)).toContain(
      'Customer ID account not found',
    );
    expect(body.errors).toEqual([{ code: -30000, description: 'Invalid Customer ID.' }]);
  });

  it('answers 401/10015 with -30000 for a malformed customer id', async () => {
    const client = sdkClient('yourCustomerId', h.apiKey, h.url);
    const body = await call((cb) => client.sms.message(cb, '15555550100', 'Hi', 'ARN'));
    expect(body.status).toMatchObject({ code: 10015 });
    expect(String((body.status as { description: string }).description)).toContain(
      'is not a TeleSign customer id',
    );
  });

  it('answers 401/10008 with -30006 when the SDK signs with another key', async () => {
    const client = sdkClient(h.customerId, 'V3JvbmcgS2V5', h.url);
    const body = await call((cb) => client.sms.message(cb, '15555550100', 'Hi', 'ARN'));
    expect(body.status).toMatchObject({ code: 10008 });
    expect(String((body.status as { description: string }).description)).toMatch(
      /^Invalid Signature: HMAC-SHA256/,
    );
    expect(body.errors).toEqual([{ code: -30006, description: 'Invalid Signature.' }]);
  });

  it('refuses a string-to-sign joined with CRLF (node_telesign#1) with -30006', async () => {
    const { status, body } = await raw({ separator: '\r\n' });
    expect(status).toBe(401);
    expect(body.errors[0]?.code).toBe(-30006);
  });

  it('answers -30004 when the Authorization header is missing', async () => {
    const { status, body } = await raw({ authorization: null });
    expect(status).toBe(401);
    expect(body.status.code).toBe(10008);
    expect(body.status.description).toMatch(/^Missing Authorization header/);
    expect(body.errors[0]?.code).toBe(-30004);
  });

  it('answers -30005 when the Authorization header is malformed', async () => {
    const { body } = await raw({ authorization: `Bearer ${h.customerId}` });
    expect(body.errors[0]?.code).toBe(-30005);
    expect(body.status.description).toMatch(/^Authorization header is malformed/);
  });

  it('answers -30007 when neither Date nor x-ts-date is sent', async () => {
    const { body } = await raw({ date: null });
    expect(body.errors[0]?.code).toBe(-30007);
    expect(body.status.description).toMatch(/^Missing Date or x-ts-date/);
  });

  it('answers -30009 when the date is not RFC 822', async () => {
    const { body } = await raw({ date: new Date().toISOString() });
    expect(body.errors[0]?.code).toBe(-30009);
    expect(body.status.description).toMatch(/is not RFC 822 compliant/);
  });

  it('answers -30010 when the SDK signs a date 16 minutes away from the clock', async () => {
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const date = new Date(h.clock.now() - 16 * 60_000).toUTCString();
    const body = await call((cb) =>
      client.rest.execute(
        cb,
        'POST',
        '/v1/messaging',
        { phone_number: '15555550100', message: 'Hi', message_type: 'ARN' },
        null,
        null,
        date,
      ),
    );
    expect(body.errors).toEqual([
      { code: -30010, description: 'Date header is outside of the tolerable range.' },
    ]);
  });

  it('accepts a date 14 minutes away from the clock', async () => {
    const { status } = await raw({ date: new Date(h.clock.now() + 14 * 60_000).toUTCString() });
    expect(status).toBe(200);
  });

  it('answers -30011 when the nonce is longer than 255 characters', async () => {
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const body = await call((cb) =>
      client.rest.execute(
        cb,
        'POST',
        '/v1/messaging',
        { phone_number: '15555550100', message: 'Hi', message_type: 'ARN' },
        null,
        'n'.repeat(256),
      ),
    );
    expect(body.errors).toEqual([{ code: -30011, description: 'Nonce is too long or too short.' }]);
  });

  it('answers -30012 when the SDK reuses a nonce within the window', async () => {
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const params = { phone_number: '15555550100', message: 'Hi', message_type: 'ARN' };
    const nonce = crypto.randomUUID();
    const first = await call((cb) =>
      client.rest.execute(cb, 'POST', '/v1/messaging', params, null, nonce),
    );
    const second = await call((cb) =>
      client.rest.execute(cb, 'POST', '/v1/messaging', params, null, nonce),
    );
    expect(first.status).toMatchObject({ code: 290 });
    expect(second.errors).toEqual([{ code: -30012, description: 'Nonce has been used recently.' }]);
  });

  it('answers -30008 for an x-ts-auth-method other than HMAC-SHA256', async () => {
    const { body } = await raw({ authMethod: 'HMAC-SHA1' });
    expect(body.errors[0]?.code).toBe(-30008);
    expect(body.status.description).toMatch(/only HMAC-SHA256 is supported/);
  });

  it('answers -30015 for Basic auth with the wrong API key', async () => {
    const client = sdkClient(h.customerId, 'V3JvbmcgS2V5', h.url);
    const body = await call((cb) =>
      client.rest.execute(
        cb,
        'POST',
        '/v1/messaging',
        { phone_number: '15555550100', message: 'Hi', message_type: 'ARN' },
        'Basic',
      ),
    );
    expect(body.status).toMatchObject({ code: 10008 });
    expect(body.errors).toEqual([{ code: -30015, description: 'Invalid API key.' }]);
  });

  it('gives every authentication failure its own description', async () => {
    const descriptions = await Promise.all([
      raw({ authorization: null }),
      raw({ authorization: 'Bearer x' }),
      raw({ date: null }),
      raw({ date: 'yesterday' }),
      raw({ authMethod: 'MD5' }),
      raw({ separator: '\r\n' }),
    ]);
    const texts = descriptions.map((d) => d.body.status.description);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
