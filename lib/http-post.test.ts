import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postText } from './http-post';

let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

/** A receiver on loopback; `answer` handles each request. */
async function receiver(answer: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(answer);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  server.unref();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

describe('one POST over node:http', () => {
  it('sends the body with its length and headers, and gives back the status, headers and text', async () => {
    let seen = { method: '', length: '', type: '', body: '' };
    const url = await receiver((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        seen = {
          method: req.method ?? '',
          length: req.headers['content-length'] ?? '',
          type: req.headers['content-type'] ?? '',
          body,
        };
        res.writeHead(202, { 'x-answer': 'yes' }).end('thanks ✓');
      });
    });
    const answer = await postText(url, { 'Content-Type': 'application/json' }, '{"a":"é"}', 1000);
    expect(seen).toEqual({
      method: 'POST',
      length: String(Buffer.byteLength('{"a":"é"}')),
      type: 'application/json',
      body: '{"a":"é"}',
    });
    expect(answer.status).toBe(202);
    expect(answer.headers['x-answer']).toBe('yes');
    expect(answer.body).toBe('thanks ✓');
  });

  it('does not follow a redirect: the 3xx is the answer', async () => {
    const url = await receiver((_req, res) => res.writeHead(307, { location: '/elsewhere' }).end());
    expect((await postText(url, {}, 'x', 1000)).status).toBe(307);
  });

  it('sends again on a new connection when the receiver dropped the kept-alive one, once', async () => {
    const served = new Map<object, number>();
    const url = await receiver((req, res) => {
      // The second request on any connection is dropped unanswered, as a receiver closing an idle
      // connection just as the next request arrives.
      const n = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, n);
      if (n > 1) req.socket.destroy();
      else res.writeHead(200).end(`answer ${served.size}`);
    });
    expect((await postText(url, {}, 'first', 1000)).body).toBe('answer 1');
    expect((await postText(url, {}, 'second', 1000)).body).toBe('answer 2');
  });

  it('fails with ECONNREFUSED when nothing listens, and ETIMEDOUT when no answer comes in time', async () => {
    const url = await receiver(() => undefined);
    const closed = url.replace(/:\d+\//, ':1/');
    await expect(postText(closed, {}, 'x', 1000)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(postText(url, {}, 'x', 50)).rejects.toMatchObject({ code: 'ETIMEDOUT' });
  });
});
