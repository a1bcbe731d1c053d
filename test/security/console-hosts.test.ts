// The console opened under another name than 127.0.0.1 — an alias under *.localhost, or the address
// other machines use with --host 0.0.0.0 (here a name allowed by --allowed-host): its pages point at
// the fake TeleSign under the name they were loaded from, and the fake takes the alias as the console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../bin/sim/start';
import { rawHttp } from './raw-http';
import { startQuietSim } from './sim-under-test';

let sim: RunningSim;
let consolePort: string;
let telesignPort: string;

beforeAll(async () => {
  sim = await startQuietSim('--clock', 'manual', '--allowed-host', 'sim.lab.test');
  consolePort = new URL(sim.channelUrl).port;
  telesignPort = new URL(sim.telesignUrl).port;
});
afterAll(() => sim.stop());

const meta = (html: string) => /<meta name="telesign-url" content="([^"]*)"/.exec(html)?.[1];
const connectSrc = (csp: unknown) => /connect-src ([^;]*)/.exec(String(csp))?.[1];

describe('the console under another name', () => {
  it.each([
    ['app.localhost', 'an alias under *.localhost'],
    ['sim.lab.test', 'a name another machine uses (allowed by --allowed-host)'],
  ])('points its pages and their policy at the fake under %s (%s)', async (name) => {
    const answer = await rawHttp(sim.channelUrl, 'GET', '/telesign', {
      headers: { host: `${name}:${consolePort}`, accept: 'text/html' },
    });
    expect(answer.status).toBe(200);
    const fake = `http://${name}:${telesignPort}`;
    expect(meta(answer.text)).toBe(fake);
    expect(answer.text).toContain(`href="${fake}/_sim/openapi.json"`);
    expect(connectSrc(answer.headers['content-security-policy'])).toBe(`'self' ${fake}`);
  });

  it('never follows a Host the allow-list refuses', async () => {
    const answer = await rawHttp(sim.channelUrl, 'GET', '/telesign', {
      headers: { host: `rebind.attacker.test:${consolePort}`, accept: 'text/html' },
    });
    expect(answer.status).toBe(403);
    expect(String(answer.headers['content-security-policy'])).not.toContain('attacker');
    expect(connectSrc(answer.headers['content-security-policy'])).toBe(`'self' ${sim.telesignUrl}`);
  });

  it('lets the console under app.localhost read the fake across origins, and no other port', async () => {
    const read = (origin: string) =>
      fetch(`${sim.telesignUrl}/_sim/clock`, { headers: { origin } });
    const alias = await read(`http://app.localhost:${consolePort}`);
    expect(alias.status).toBe(200);
    expect(alias.headers.get('access-control-allow-origin')).toBe(
      `http://app.localhost:${consolePort}`,
    );
    const otherPort = await read(`http://app.localhost:${Number(consolePort) + 1}`);
    expect(otherPort.status).toBe(403);
    expect(otherPort.headers.get('access-control-allow-origin')).toBeNull();
    const lookAlike = await read(`http://app.localhost.attacker.test:${consolePort}`);
    expect(lookAlike.status).toBe(403);
  });
});
