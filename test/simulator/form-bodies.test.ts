// POST /v1/messaging reads form bodies only, as TeleSign's specs say (reference/telesign.md §11.4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { rawRequest } from './raw-request';
import { call, sdkClient } from './telesign-sdk';

const BASE = { phone_number: '15555550100', message: 'Hi', message_type: 'ARN' };

describe('POST /v1/messaging body types', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());
  const raw = (contentType: string, body: string) =>
    rawRequest(h.url, { customerId: h.customerId, apiKey: h.apiKey, contentType, body });

  it('answers a correctly signed JSON body 400/12000, saying why in the hint', async () => {
    const { status, body, hint } = await raw('application/json', JSON.stringify(BASE));
    expect(status).toBe(400);
    expect(body.status).toMatchObject({
      code: 12000,
      description: 'Missing required parameter phone_number',
    });
    expect(hint).toMatch(
      /reads application\/x-www-form-urlencoded bodies only; this request has Content-Type application\/json/,
    );
  });

  it('answers the SDK in JSON mode 12000 as well', async () => {
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    client.rest.setContentType('application/json');
    const body = await call((cb) => client.rest.execute(cb, 'POST', '/v1/messaging', BASE));
    expect(body.status).toMatchObject({
      code: 12000,
      description: 'Missing required parameter phone_number',
    });
  });

  it('answers a text/plain body 400/12000', async () => {
    const { status, body } = await raw('text/plain', new URLSearchParams(BASE).toString());
    expect(status).toBe(400);
    expect(body.status.code).toBe(12000);
  });

  it('accepts the same fields form-encoded, with a charset parameter', async () => {
    const { status, body } = await raw(
      'application/x-www-form-urlencoded; charset=utf-8',
      new URLSearchParams(BASE).toString(),
    );
    expect(status).toBe(200);
    expect(body.status).toMatchObject({ code: 290, description: 'Message in progress' });
  });

  it('journals the hint with the refused request', async () => {
    await raw('application/json', JSON.stringify(BASE));
    const journal = await h.control('GET', '/_sim/journal?kind=api');
    const last = (journal.body as { code: number; detail: string }[]).at(-1);
    expect(last?.code).toBe(12000);
    expect(last?.detail).toMatch(/bodies only/);
  });
});
