import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createConsole } from './app';
import type { FetchLike } from './data';
import { type RelayOptions, relayHandler } from './relay';

const channelDoc = {
  paths: {
    '/api/conversations/{id}/transfer': { post: { responses: { '200': {} } } },
    '/api/queues': { get: { responses: { '200': {} } } },
    '/api/events': {
      get: { responses: { '200': { content: { 'text/event-stream': {} } } } },
    },
  },
};
const telesignDoc = {
  paths: {
    '/_sim/faults': { put: { responses: { '200': {} } } },
    '/_sim/reset': { post: { responses: { '200': {} } } },
    '/_sim/events': { get: { responses: { '200': { description: 'text/event-stream' } } } },
  },
};

/** Serves its OpenAPI document, and answers everything else with `answer`. */
const api =
  (doc: unknown, answer: FetchLike): FetchLike =>
  async (input, init) =>
    String(input).endsWith('openapi.json')
      ? new Response(JSON.stringify(doc), { headers: { 'content-type': 'application/json' } })
      : answer(input, init);

const refusing: FetchLike = async () =>
  new Response(JSON.stringify({ error: { code: 'INVALID_STATE', message: 'Not active.' } }), {
    status: 409,
  });

const app = createConsole({
  channelFetch: api(channelDoc, refusing),
  telesignUrl: 'http://telesign.test',
  telesignFetch: api(telesignDoc, async () => {
    throw new Error('connect ECONNREFUSED');
  }),
});

const post = (hono: { request: Hono['request'] }, body: string) =>
  hono.request('/console/call', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
const call = (body: unknown) => post(app, JSON.stringify(body));

function relayApp(options: Partial<RelayOptions> & { telesign: FetchLike }) {
  const hono = new Hono();
  hono.post(
    '/console/call',
    relayHandler({
      channelFetch: api(channelDoc, refusing),
      telesignFetch: api(telesignDoc, options.telesign),
      telesignUrl: 'http://telesign.test',
      ...options,
    }),
  );
  return hono;
}

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

  it('refuses an operation its OpenAPI document does not describe', async () => {
    const response = await call({ target: 'channel', method: 'DELETE', path: '/api/queues' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'path: DELETE /api/queues is not an operation of the channel OpenAPI document',
    );
  });

  it('refuses to relay an event stream of either API', async () => {
    for (const [target, path] of [
      ['channel', '/api/events'],
      ['telesign', '/_sim/events'],
    ]) {
      const response = await call({ target, method: 'GET', path });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
        'is an event stream, which the relay does not forward',
      );
    }
  });

  it('refuses encoded dot segments and encoded slashes, which a URL parser would resolve', async () => {
    for (const path of [
      '/_sim/%2e%2e/v1/messaging',
      '/_sim/%2E%2E/v1/messaging',
      '/_sim/reset%2f..',
      '/_sim/../v1/messaging',
      '/_sim//reset',
    ]) {
      const response = await call({ target: 'telesign', method: 'POST', path });
      expect(response.status, path).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'invalid_field',
      );
    }
  });

  it('refuses a body nested 5 000 levels deep with a 400, not a 500', async () => {
    const deep = `{"target":"channel","method":"POST","path":"/api/queues","body":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const response = await post(app, deep);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'too_deep', message: 'The body nests deeper than 32 levels.' },
    });
  });

  it('refuses a body that is not JSON', async () => {
    const response = await post(app, 'nope');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'invalid_json', message: 'The body is not JSON.' },
    });
  });

  it('answers 504 when the API does not answer in time, and aborts the call', async () => {
    let aborted = false;
    const hono = relayApp({
      timeoutMs: 20,
      telesign: (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('aborted'));
          });
        }),
    });
    const response = await post(
      hono,
      JSON.stringify({ target: 'telesign', method: 'POST', path: '/_sim/reset' }),
    );
    expect(await response.json()).toEqual({
      status: 504,
      body: {
        error: { code: 'timeout', message: 'POST /_sim/reset did not answer within 20 ms.' },
      },
    });
    expect(aborted).toBe(true);
  });

  it('stops reading an answer past its size limit', async () => {
    const hono = relayApp({
      maxAnswerBytes: 10,
      telesign: async () => new Response('x'.repeat(11)),
    });
    const response = await post(
      hono,
      JSON.stringify({ target: 'telesign', method: 'POST', path: '/_sim/reset' }),
    );
    expect(((await response.json()) as { body: { error: { code: string } } }).body.error.code).toBe(
      'answer_too_large',
    );
  });

  it('cancels an answer that turns out to be an event stream', async () => {
    let cancelled = false;
    const stream = new ReadableStream({
      pull: () => undefined,
      cancel: () => {
        cancelled = true;
      },
    });
    const hono = relayApp({
      telesign: async () =>
        new Response(stream, { headers: { 'content-type': 'text/event-stream' } }),
    });
    const response = await post(
      hono,
      JSON.stringify({ target: 'telesign', method: 'POST', path: '/_sim/reset' }),
    );
    expect(((await response.json()) as { body: { error: { code: string } } }).body.error.code).toBe(
      'stream_refused',
    );
    expect(cancelled).toBe(true);
  });
});
