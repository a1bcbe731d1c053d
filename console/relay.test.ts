import { describe, expect, it } from 'vitest';
import { createConsole } from './app';

const refusing = async () =>
  new Response(JSON.stringify({ error: { code: 'INVALID_STATE', message: 'Not active.' } }), {
    status: 409,
  });

const app = createConsole({
  channelFetch: refusing,
  telesignUrl: 'http://telesign.test',
  telesignFetch: async () => {
    throw new Error('connect ECONNREFUSED');
  },
});

const call = (body: unknown) =>
  app.request('/console/call', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the console relay', () => {
  it("answers 200 with the API's refusal as its status and body", async () => {
    const response = await call({
      target: 'channel',
      method: 'POST',
      path: '/api/conversations/cv_1/transfer',
      body: { agentId: 'ag_1', queueId: 'q_1' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 409,
      body: { error: { code: 'INVALID_STATE', message: 'Not active.' } },
    });
  });

  it('reports an unreachable API as a 502 answer', async () => {
    const response = await call({ target: 'telesign', method: 'PUT', path: '/_sim/faults' });
    expect(await response.json()).toEqual({
      status: 502,
      body: { error: { code: 'unreachable', message: 'connect ECONNREFUSED' } },
    });
  });

  it('refuses a path outside the two documented APIs, naming the field', async () => {
    const response = await call({ target: 'channel', method: 'GET', path: '/console/f/admin' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid_field',
        message: 'path: path must start with /api/ for the channel or /_sim/ for TeleSign',
        field: 'path',
      },
    });
  });

  it('refuses a body that is not JSON', async () => {
    const response = await app.request('/console/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'nope',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'invalid_json', message: 'The body is not JSON.' },
    });
  });
});
