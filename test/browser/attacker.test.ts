// A web page of another origin (another port of 127.0.0.1) tries every attack of issue 11 on a
// running `npm run sim` in Chromium: fetch, text/plain forms, and a DNS-rebinding Host. Each is
// refused, the world is unchanged, and the console still works in the same browser.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../bin/sim/start';
import { startQuietSim, worldSnapshot } from '../security/sim-under-test';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REBIND = 'rebind.attacker.test';

let sim: RunningSim;
let attacker: Server;
let attackerUrl: string;
let browser: Browser;
let page: Page;
let before: string;

beforeAll(async () => {
  // A manual clock: nothing changes on its own, so any change is an attack that got through.
  sim = await startQuietSim('--clock', 'manual');
  attacker = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>a page the developer happens to visit</title><body></body>');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // The attacker's name resolves to this machine, as after a DNS rebinding.
    args: ['--no-sandbox', '--disable-gpu', `--host-resolver-rules=MAP ${REBIND} 127.0.0.1`],
  });
  page = await browser.newPage();
  before = await worldSnapshot(sim);
  await page.goto(attackerUrl);
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
  await sim?.stop();
});

/** What the attacker's `fetch` sends (plain data: `RequestInit` as an evaluate argument costs tsc seconds). */
interface AttackInit {
  method?: string;
  mode?: 'cors' | 'no-cors' | 'same-origin';
  headers?: Record<string, string>;
  body?: string;
}

/** Runs `fetch(url, init)` in the attacker's page: the answer's text if readable, else the error. */
const attackFetch = (url: string, init: AttackInit) =>
  page.evaluate(
    async ([u, i]) => {
      try {
        const response = await fetch(u, i);
        return { readable: response.type !== 'opaque', text: await response.text() };
      } catch (error) {
        return { readable: false, text: String(error) };
      }
    },
    [url, init] as const,
  );

/**
 * Submits a `text/plain` form from the attacker's page into a hidden frame (page-side script) and
 * resolves once the server's answer has loaded in it — not on the frame's first about:blank load,
 * and with no fallback timer, so the world is checked only after the server has seen the post.
 */
const attackForm = (action: string, field: string, value: string) =>
  page.evaluate(`new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.name = 'sink' + Math.random();
    document.body.append(frame);
    frame.addEventListener('load', () => {
      let blank = false;
      try {
        blank = frame.contentWindow.location.href === 'about:blank';
      } catch {
        // Another origin's document: the server answered.
      }
      if (!blank) resolve();
    });
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = ${JSON.stringify(action)};
    form.enctype = 'text/plain';
    form.target = frame.name;
    const input = document.createElement('input');
    input.name = ${JSON.stringify(field)};
    input.value = ${JSON.stringify(value)};
    form.append(input);
    document.body.append(form);
    form.submit();
  })`);

describe('a page of another origin', () => {
  it('cannot read the API keys', async () => {
    const read = await attackFetch(`${sim.telesignUrl}/_sim/accounts`, {});
    expect(read.readable).toBe(false);
    expect(read.text).not.toContain('api_key');
  });

  it('cannot reset the fake, create an account, or relay a reset through the console with fetch', async () => {
    const simple: AttackInit = {
      method: 'POST',
      mode: 'no-cors',
      headers: { 'content-type': 'text/plain' },
    };
    await attackFetch(`${sim.telesignUrl}/_sim/reset`, { ...simple, body: '{}' });
    await attackFetch(`${sim.telesignUrl}/_sim/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"customer_id":"ATTACKER"}',
    });
    await attackFetch(`${sim.channelUrl}/api/queues`, { ...simple, body: '{"name":"planted"}' });
    await attackFetch(`${sim.channelUrl}/console/call`, {
      ...simple,
      body: '{"target":"telesign","method":"POST","path":"/_sim/reset"}',
    });
    expect(await worldSnapshot(sim)).toBe(before);
  });

  it('cannot post a text/plain form to any of the three servers', async () => {
    // `{"name":"planted","x":"=1"}` is what a text/plain form of one field can spell.
    await attackForm(`${sim.channelUrl}/api/queues`, '{"name":"planted","x":"', '1"}');
    await attackForm(
      `${sim.channelUrl}/console/call`,
      '{"target":"telesign","method":"POST","path":"/_sim/reset","x":"',
      '1"}',
    );
    await attackForm(`${sim.telesignUrl}/_sim/reset`, '{"x":"', '1"}');
    expect(await worldSnapshot(sim)).toBe(before);
  });

  it('reaches nothing under a rebinding name', async () => {
    const port = new URL(sim.telesignUrl).port;
    const rebound = await browser.newPage();
    try {
      const response = await rebound.goto(`http://${REBIND}:${port}/_sim/accounts`);
      expect(response?.status()).toBe(403);
      expect(await rebound.content()).not.toContain('api_key');
      const consolePort = new URL(sim.channelUrl).port;
      const consolePage = await rebound.goto(`http://${REBIND}:${consolePort}/`);
      expect(consolePage?.status()).toBe(403);
    } finally {
      await rebound.close();
    }
  });

  it('leaves the world unchanged, and the console still works in the same browser', async () => {
    expect(await worldSnapshot(sim)).toBe(before);
    const own = await browser.newPage();
    try {
      await own.goto(sim.channelUrl);
      const answer = await own.evaluate(async () => {
        const response = await fetch('/console/call', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ target: 'channel', method: 'GET', path: '/api/queues' }),
        });
        return (await response.json()) as { status: number };
      });
      expect(answer.status).toBe(200);
      // The console's live view of TeleSign reads the fake's event stream across origins.
      const opened = await own.evaluate(
        (url) =>
          new Promise<boolean>((resolve) => {
            const source = new EventSource(`${url}/_sim/events`);
            source.onopen = () => {
              source.close();
              resolve(true);
            };
            source.onerror = () => {
              source.close();
              resolve(false);
            };
          }),
        sim.telesignUrl,
      );
      expect(opened).toBe(true);
    } finally {
      await own.close();
    }
  });
});
