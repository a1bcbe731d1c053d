import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { localGuard } from './local-guard';

let changed = 0;

function app(origins: string[] = [], hosts: string[] = []) {
  const hono = new Hono();
  hono.use(
    '*',
    localGuard({
      allowedHosts: () => hosts,
      allowedOrigins: () => origins,
      jsonBody: (path) => !path.startsWith('/form'),
    }),
  );
  hono.get('/secret', (c) => c.json({ key: 'k' }));
  hono.post('/reset', (c) => {
    changed += 1;
    return c.json({ reset: true });
  });
  hono.post('/form', (c) => c.json({ ok: true }));
  return hono;
}

const json = { 'content-type': 'application/json' };

describe('the local guard', () => {
  it('answers loopback Host names and requests without one (in-process)', async () => {
    for (const host of ['127.0.0.1:4010', 'localhost:4010', '[::1]:4010', 'app.localhost']) {
      expect((await app().request('/secret', { headers: { host } })).status).toBe(200);
    }
    expect((await app().request('/secret')).status).toBe(200);
  });

  it('refuses a rebinding Host with 403 and says how to allow it', async () => {
    const response = await app().request('/secret', { headers: { host: 'rebind.evil.test:4010' } });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: {
        code: 'host_not_allowed',
        message:
          'Host "rebind.evil.test:4010" is not a name this server answers to (a page reaching it under another name is how DNS rebinding works). If you meant it, start with --allowed-host rebind.evil.test (repeatable).',
      },
    });
  });

  it('answers a Host named by flag', async () => {
    const response = await app([], ['sim.test']).request('/secret', {
      headers: { host: 'sim.test:4010' },
    });
    expect(response.status).toBe(200);
  });

  it('refuses a page of another origin, reading or writing, and changes nothing', async () => {
    const before = changed;
    const origin = 'http://127.0.0.1:5555';
    const read = await app().request('/secret', { headers: { host: '127.0.0.1:4010', origin } });
    const write = await app().request('/reset', {
      method: 'POST',
      headers: { host: '127.0.0.1:4010', origin, ...json },
      body: '{}',
    });
    expect([read.status, write.status]).toEqual([403, 403]);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe(
      'origin_not_allowed',
    );
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect(changed).toBe(before);
  });

  it('takes a same-origin page, and an allowed origin with CORS naming that origin only', async () => {
    const own = await app().request('/reset', {
      method: 'POST',
      headers: { host: '127.0.0.1:4020', origin: 'http://127.0.0.1:4020', ...json },
      body: '{}',
    });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await app(['http://127.0.0.1:4020']).request('/secret', {
      headers: { host: '127.0.0.1:4010', origin: 'http://127.0.0.1:4020' },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4020');
    expect(allowed.headers.get('vary')).toContain('Origin');
  });

  it('answers the preflight of an allowed origin and refuses any other', async () => {
    const preflight = (origin: string) =>
      app(['http://127.0.0.1:4020']).request('/reset', {
        method: 'OPTIONS',
        headers: {
          host: '127.0.0.1:4010',
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const ok = await preflight('http://127.0.0.1:4020');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    expect(ok.headers.get('access-control-allow-headers')).toContain('content-type');
    expect((await preflight('http://evil.test')).status).toBe(403);
  });

  it('refuses a cross-site or same-site browser request without Origin unless it is a navigation', async () => {
    const request = (site: string, mode: string) =>
      app().request('/secret', { headers: { 'sec-fetch-site': site, 'sec-fetch-mode': mode } });
    expect((await request('cross-site', 'no-cors')).status).toBe(403);
    expect((await request('same-site', 'no-cors')).status).toBe(403);
    expect((await request('cross-site', 'navigate')).status).toBe(200);
    expect((await request('same-origin', 'cors')).status).toBe(200);
  });

  it('refuses a state change whose body is not JSON with 415, so a browser must preflight', async () => {
    const before = changed;
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const response = await app().request('/reset', {
        method: 'POST',
        headers: { 'content-type': type },
        body: '{}',
      });
      expect(response.status).toBe(415);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
        `POST /reset takes a JSON body: send Content-Type: application/json (got ${type}).`,
      );
    }
    expect(changed).toBe(before);
  });

  it('takes JSON with parameters, and a state change with no body at all (curl -X POST)', async () => {
    const withCharset = await app().request('/reset', {
      method: 'POST',
      headers: { 'content-type': 'Application/JSON; charset=utf-8' },
      body: '{}',
    });
    const empty = await app().request('/reset', { method: 'POST' });
    expect([withCharset.status, empty.status]).toEqual([200, 200]);
  });

  it('leaves the body rules of paths that are not JSON to their routes', async () => {
    const response = await app().request('/form', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(response.status).toBe(200);
  });

  it('refuses an encoded dot segment in the raw request target before routing', async () => {
    const hono = app();
    const response = await hono.fetch(new Request('http://127.0.0.1/secret'), {
      incoming: { url: '/x/%2e%2e/secret' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'path_not_allowed',
    );
  });
});
