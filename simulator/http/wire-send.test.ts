import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type Listening, listen } from '../../lib/listen';
import type { ApiRequest } from './api-exchange';
import { createWireSend } from './wire-send';

let server: Listening | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Seen {
  request: ApiRequest;
  body: string | null;
}

/** A server whose fast path records what it took, and whose hono side answers "hono". */
async function serve(): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const wire = createWireSend({
    exchange: async (request) => {
      seen.push({ request, body: await request.body() });
      return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'fast' };
    },
    send: () => ({ status: 500, headers: {}, body: null }),
    basePath: '',
    allowedHosts: () => [],
    now: () => 0,
  });
  server = await listen(() => new Response('hono'), 0, '127.0.0.1', { intercept: wire });
  return { url: server.url, seen };
}

function post(
  url: string,
  path: string,
  headers: Record<string, string | string[]>,
  body = 'a=1',
): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('the node:http fast path of POST /v1/messaging', () => {
  it('takes a plain send, with headers joined as a web Headers object joins them', async () => {
    const { url, seen } = await serve();
    const answer = await post(url, '/v1/messaging', {
      ...FORM,
      authorization: ['TSA a:b', 'TSA c:d'],
    });
    expect(answer).toBe('fast');
    expect(seen).toHaveLength(1);
    const [first] = seen;
    expect(first?.request.url).toBe(`${url}/v1/messaging`);
    expect(first?.request.header('authorization')).toBe('TSA a:b, TSA c:d');
    expect(first?.body).toBe('a=1');
  });

  it('drops a leading byte-order mark from the body, as Request.text() does', async () => {
    const { url, seen } = await serve();
    await post(url, '/v1/messaging', FORM, '\ufeffa=1');
    expect(seen[0]?.body).toBe('a=1');
  });

  it.each([
    ['a query string', '/v1/messaging?x=1', {}],
    ['another path', '/v1/messaging/ABC', {}],
    ['an Origin (a browser)', '/v1/messaging', { origin: 'http://127.0.0.1:4020' }],
    ['Sec-Fetch-Site', '/v1/messaging', { 'sec-fetch-site': 'same-origin' }],
    ['a chunked body', '/v1/messaging', { 'transfer-encoding': 'chunked' }],
    ['a body over 64 KB', '/v1/messaging', { 'content-length': String(64 * 1024 + 1) }],
    ['a Host it does not answer to', '/v1/messaging', { host: 'rebind.evil.test' }],
    ['a Host the URL parser rewrites', '/v1/messaging', { host: '127.1' }],
  ] as [string, string, Record<string, string>][])(
    'leaves a request with %s to hono',
    async (_, path, headers) => {
      const { url, seen } = await serve();
      const body = headers['content-length'] ? 'x'.repeat(64 * 1024 + 1) : 'a=1';
      expect(await post(url, path, { ...FORM, ...headers }, body)).toBe('hono');
      expect(seen).toEqual([]);
    },
  );
});
