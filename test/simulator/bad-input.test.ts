import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { rawRequest } from './raw-request';

describe('bad input never gets a 500', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());

  it('answers 400/-40006 for a faked-API body over 64 KB', async () => {
    const { status, body, hint } = await rawRequest(h.url, {
      customerId: h.customerId,
      apiKey: h.apiKey,
      body: `message=${'a'.repeat(70_000)}`,
    });
    expect(status).toBe(400);
    expect(body.status).toMatchObject({ code: -40006, description: 'Bad request' });
    expect(hint).toBe('the body is larger than 64 KB');
  });

  it('answers 404/-40004 for an unknown /v1 path', async () => {
    const { status, body, hint } = await rawRequest(h.url, {
      customerId: h.customerId,
      apiKey: h.apiKey,
      method: 'GET',
      resource: '/v1/voice',
    });
    expect(status).toBe(404);
    expect(body.status).toMatchObject({ code: -40004, description: 'Resource not found' });
    expect(hint).toMatch(/^\/v1\/voice is not part of the faked API/);
  });

  it('answers 405/-40005 for a wrong method on /v1/messaging', async () => {
    const { status, body, hint } = await rawRequest(h.url, {
      customerId: h.customerId,
      apiKey: h.apiKey,
      method: 'DELETE',
    });
    expect(status).toBe(405);
    expect(body.status).toMatchObject({ code: -40005, description: 'Method not allowed' });
    expect(hint).toBe('DELETE /v1/messaging accepts POST only');
  });

  it('answers a TeleSign-shaped 404 for a path outside both APIs', async () => {
    const response = await fetch(`${h.url}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ status: { code: -40004 } });
  });

  const control = async (method: string, path: string, body?: string) => {
    const response = await fetch(`${h.url}${path}`, {
      method,
      ...(body !== undefined ? { body, headers: { 'Content-Type': 'application/json' } } : {}),
    });
    return {
      status: response.status,
      body: (await response.json()) as { error: { code: string; message: string; field?: string } },
    };
  };

  it('answers 400 invalid_json for malformed JSON on the control plane', async () => {
    const { status, body } = await control('POST', '/_sim/accounts', '{"customer_id":');
    expect(status).toBe(400);
    expect(body).toEqual({
      error: { code: 'invalid_json', message: 'the body is not valid JSON' },
    });
  });

  it('answers 400 naming the field for a wrong type', async () => {
    const { status, body } = await control(
      'PUT',
      `/_sim/accounts/${h.customerId}/rate-limit`,
      '{"perSecond":"fast"}',
    );
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_field', field: 'perSecond' });
    expect(body.error.message).toMatch(/^perSecond: /);
  });

  it('answers 400 naming an unknown field', async () => {
    const { body } = await control('POST', '/_sim/accounts', '{"customerId":"x"}');
    expect(body.error.code).toBe('invalid_field');
    expect(body.error.message).toMatch(/customerId/);
  });

  it('answers 413 for a control body over 64 KB', async () => {
    const { status, body } = await control(
      'POST',
      '/_sim/accounts',
      JSON.stringify({ callback_url: `http://x/${'a'.repeat(70_000)}` }),
    );
    expect(status).toBe(413);
    expect(body.error.code).toBe('body_too_large');
  });

  it('answers 404 route_not_found for an unknown control path', async () => {
    const { status, body } = await control('GET', '/_sim/nothing');
    expect(status).toBe(404);
    expect(body.error.code).toBe('route_not_found');
  });

  it('answers 405 for a wrong method on a control path', async () => {
    const { status, body } = await control('PATCH', '/_sim/accounts');
    expect(status).toBe(405);
    expect(body.error).toEqual({
      code: 'method_not_allowed',
      message: 'PATCH is not allowed on /_sim/accounts',
    });
  });

  it('answers 404 for an unknown account', async () => {
    const { status, body } = await control(
      'GET',
      '/_sim/accounts/AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE',
    );
    expect(status).toBe(404);
    expect(body.error.field).toBe('customer_id');
  });

  it('answers 400 for a handset phone that is not digits', async () => {
    const { status, body } = await control('GET', '/_sim/handsets/+1555/messages');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_field', field: 'phone' });
  });

  it('answers 400 for a fault of an unknown kind', async () => {
    const { status, body } = await control(
      'PUT',
      '/_sim/faults',
      '{"target":"api","kind":"explode"}',
    );
    expect(status).toBe(400);
    expect(body.error.field).toBe('kind');
  });
});
