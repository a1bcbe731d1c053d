// The three servers of `npm run sim` over real sockets: each refuses a rebinding Host, a page of
// another origin, a body that is not JSON and an encoded dot segment, and the world stays as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../bin/sim/start';
import { rawHttp } from './raw-http';
import { startQuietSim, worldSnapshot } from './sim-under-test';

let sim: RunningSim;
let before: string;
const ATTACKER = 'http://127.0.0.1:4999';
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  // A manual clock: nothing changes on its own, so any change is an attack that got through.
  sim = await startQuietSim('--clock', 'manual');
  before = await worldSnapshot(sim);
});
afterAll(() => sim.stop());

type Server = 'telesign' | 'channel' | 'console';
const base = (server: Server) => (server === 'telesign' ? sim.telesignUrl : sim.channelUrl);
const writes: Array<[Server, string, string, string]> = [
  ['telesign', 'POST', '/_sim/reset', '{}'],
  ['telesign', 'POST', '/_sim/accounts', '{}'],
  ['channel', 'POST', '/api/queues', '{"name":"planted"}'],
  [
    'console',
    'POST',
    '/console/call',
    '{"target":"telesign","method":"POST","path":"/_sim/reset"}',
  ],
  ['console', 'POST', '/console/handsets', '{"phone":"12025550199"}'],
  ['telesign', 'PUT', '/_sim/handsets/12025550199', '{}'],
  ['telesign', 'DELETE', '/_sim/handsets/12025550199/messages', '{}'],
];

describe('the front doors of npm run sim', () => {
  it.each([
    ['telesign', '/_sim/accounts'],
    ['channel', '/api/work-streams'],
    ['console', '/telesign'],
  ] as const)(
    'refuses a rebinding Host on the %s server (%s) with 403 and how to allow it',
    async (server, path) => {
      const port = new URL(base(server)).port;
      const answer = await rawHttp(base(server), 'GET', path, {
        headers: { host: `rebind.attacker.test:${port}` },
      });
      expect(answer.status).toBe(403);
      expect(answer.json().error.code).toMatch(/^host_not_allowed$|^HOST_NOT_ALLOWED$/);
      expect(answer.json().error.message).toContain('--allowed-host rebind.attacker.test');
      expect(answer.text).not.toContain('api_key');
    },
  );

  it.each(writes)(
    'refuses a page of another origin on the %s server: %s %s',
    async (server, method, path, body) => {
      const answer = await rawHttp(base(server), method, path, {
        headers: { origin: ATTACKER, ...json },
        body,
      });
      expect(answer.status).toBe(403);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      expect(answer.json().error.message).toContain(`Origin ${ATTACKER} may not call`);
    },
  );

  it.each(writes)(
    'refuses a text/plain body (a form needs no preflight) on the %s server: %s %s',
    async (server, method, path, body) => {
      const answer = await rawHttp(base(server), method, path, {
        headers: { 'content-type': 'text/plain' },
        body,
      });
      expect(answer.status).toBe(415);
    },
  );

  it("shows no API key to another origin's page, and no key in a cross-site script load", async () => {
    const read = await rawHttp(sim.telesignUrl, 'GET', '/_sim/accounts', {
      headers: { origin: ATTACKER },
    });
    const script = await rawHttp(sim.telesignUrl, 'GET', '/_sim/accounts', {
      headers: { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors' },
    });
    expect([read.status, script.status]).toEqual([403, 403]);
    expect(read.text + script.text).not.toContain('api_key');
  });

  it('refuses an encoded dot segment that would reach the account-wide policy', async () => {
    const accounts = await rawHttp(sim.telesignUrl, 'GET', '/_sim/accounts');
    const [account] = accounts.json<Array<{ customer_id: string }>>();
    const answer = await rawHttp(
      sim.telesignUrl,
      'PUT',
      `/_sim/accounts/${account?.customer_id}/numbers/%2e%2e/delivery`,
      { headers: json, body: '{"policy":"stuck"}' },
    );
    expect(answer.status).toBe(400);
    expect(answer.json().error.code).toBe('path_not_allowed');
    const channel = await rawHttp(sim.channelUrl, 'GET', '/api/%2e%2e/openapi.json');
    expect(channel.status).toBe(400);
  });

  it('lets the console origin read TeleSign, naming that origin alone in CORS', async () => {
    const origin = sim.channelUrl;
    const answer = await rawHttp(sim.telesignUrl, 'GET', '/_sim/clock', { headers: { origin } });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(origin);
  });

  it('keeps clients that are not browsers working: JSON without Origin', async () => {
    const answer = await rawHttp(sim.channelUrl, 'GET', '/api/queues');
    expect(answer.status).toBe(200);
  });

  it('sends the console pages with a CSP of its own scripts, no framing and nosniff', async () => {
    const page = await rawHttp(sim.channelUrl, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('leaves the world as it was after every refused request', async () => {
    expect(await worldSnapshot(sim)).toBe(before);
  });
});
