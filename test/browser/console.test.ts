// The console in Debian's Chromium: a customer texts, an agent answers, the phone sees it delivered.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseSimFlags } from '../../bin/sim/flags';
import { createSimLogger } from '../../bin/sim/logger';
import { type RunningSim, startSim } from '../../bin/sim/start';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
const ALICE = '12025550101'; // a VIP contact of the default world: routed to the vip queue, offered to Ann.

let sim: RunningSim;
let browser: Browser;
let page: Page;
let problems: string[];

const flags = (...extra: string[]) => {
  const outcome = parseSimFlags([
    '--memory',
    '--telesign-port',
    '0',
    '--channel-port',
    '0',
    ...extra,
  ]);
  if (outcome.kind !== 'run') throw new Error('flags');
  return outcome.flags;
};

async function agentId(name: string): Promise<string> {
  const agents = (await (await fetch(`${sim.channelUrl}/api/agents`)).json()) as Array<{
    id: string;
    name: string;
  }>;
  const agent = agents.find((a) => a.name === name);
  if (!agent) throw new Error(`no agent ${name}`);
  return agent.id;
}

const shot = (name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  sim = await startSim(flags(), createSimLogger({ level: 'silent', json: true }));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await sim?.stop();
});

beforeEach(async () => {
  problems = [];
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
});

afterEach(async () => {
  await page.close();
  expect(problems).toEqual([]);
});

describe('the console', () => {
  it('lets a customer text, an agent accept and reply, and shows the reply delivered on the phone', async () => {
    await page.goto(`${sim.channelUrl}/phones/${ALICE}`);
    const phone = page.locator(`[data-testid="handset"][data-phone="${ALICE}"]`);
    await phone.getByTestId('handset-text').fill('Hi, my order has not arrived');
    await phone.getByTestId('handset-send').click();
    await expect
      .poll(() => phone.locator('[data-testid="handset-message"][data-direction="sent"]').count())
      .toBe(1);
    await expect.poll(() => phone.getByTestId('handset-text').inputValue()).toBe('');
    await shot('phones');

    const ann = await agentId('Ann Agent');
    await page.goto(`${sim.channelUrl}/agent/${ann}`);
    const offer = page.getByTestId('offer').first();
    await offer.waitFor();
    expect(await offer.getByTestId('offer-timer').textContent()).toMatch(/^\d+ s$/);
    await shot('agent-offer');
    await offer.getByTestId('offer-accept').click();
    await page.waitForURL(/\/agent\/[^/]+\/conversations\//);
    await expect.poll(() => page.getByTestId('conversation-state').textContent()).toBe('active');
    expect(await page.getByTestId('contact-name').textContent()).toBe('Alice Ng');

    await page.getByTestId('composer-text').fill('Sorry about that, it ships today.');
    expect(await page.getByTestId('composer-counter').textContent()).toBe('33 / 1600');
    await page.getByTestId('composer-send').click();
    const reply = page.locator('[data-testid="transcript-message"][data-direction="outbound"]');
    await expect.poll(() => reply.count()).toBe(1);
    await expect
      .poll(() => reply.getByTestId('delivery-status').getAttribute('data-status'), {
        timeout: 10_000,
      })
      .toBe('delivered');
    expect(await reply.getByTestId('segments').textContent()).toBe('1 segment');
    await shot('agent-conversation');

    await page.goto(`${sim.channelUrl}/phones/${ALICE}`);
    const received = phone.locator('[data-testid="handset-message"][data-direction="received"]');
    await expect.poll(() => received.count()).toBe(1);
    expect(await received.locator('.text').textContent()).toBe('Sorry about that, it ships today.');
    expect(await received.getByTestId('handset-delivery').getAttribute('data-code')).toBe('200');
  }, 40_000);

  it('refuses a 1601-character reply and shows the counter over the limit', async () => {
    const ann = await agentId('Ann Agent');
    const conversations = (await (
      await fetch(`${sim.channelUrl}/api/agents/${ann}/work-items`)
    ).json()) as Array<{
      id: string;
    }>;
    const id = conversations[0]?.id;
    expect(id).toBeDefined();
    await page.goto(`${sim.channelUrl}/agent/${ann}/conversations/${id}`);
    const before = await page.getByTestId('transcript-message').count();

    await page.getByTestId('composer-text').fill('a'.repeat(1601));
    expect(await page.getByTestId('composer-counter').textContent()).toBe('1601 / 1600');
    expect(await page.getByTestId('composer-counter').getAttribute('data-over')).toBe('true');
    expect(await page.getByTestId('composer-send').isDisabled()).toBe(true);
    expect(await page.getByTestId('composer-error').textContent()).toBe(
      'Too long: 1601 characters; the limit is 1600 (R-MSG-2).',
    );
    await page.getByTestId('composer-text').press('Control+Enter');
    await shot('agent-too-long');
    expect(await page.getByTestId('transcript-message').count()).toBe(before);

    await page.getByTestId('composer-text').fill('😀'.repeat(1600));
    expect(await page.getByTestId('composer-counter').textContent()).toBe('1600 / 1600');
    expect(await page.getByTestId('composer-send').isDisabled()).toBe(false);
  }, 30_000);

  it('ends a conversation (Wrap-up) and then closes its session (Closed)', async () => {
    const ann = await agentId('Ann Agent');
    const items = (await (
      await fetch(`${sim.channelUrl}/api/agents/${ann}/work-items`)
    ).json()) as Array<{
      id: string;
    }>;
    await page.goto(`${sim.channelUrl}/conversations/${items[0]?.id}`);
    await page.waitForURL(/\/agent\/[^/]+\/conversations\//);
    await page.getByTestId('action-end').click();
    await expect.poll(() => page.getByTestId('conversation-state').textContent()).toBe('wrap-up');
    await page.getByTestId('action-close-session').click();
    await expect.poll(() => page.getByTestId('conversation-state').textContent()).toBe('closed');
  }, 30_000);

  it('shows a new offer live, without a reload', async () => {
    const ann = await agentId('Ann Agent');
    await page.goto(`${sim.channelUrl}/agent/${ann}`);
    await expect.poll(() => page.getByTestId('live-status').textContent()).toContain('live');
    const offers = page.getByTestId('offer');
    const before = await offers.count();
    // Chloe writes about an invoice: the billing rule routes it, Ann has the most room left.
    const texted = await fetch(`${sim.telesignUrl}/_sim/handsets/12025550103/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: sim.marker.supportNumber, text: 'Where is my invoice?' }),
    });
    expect(texted.status).toBe(201);
    await expect.poll(() => offers.count()).toBe(before + 1);
    await offers.last().getByTestId('offer-reject').click();
    await expect.poll(() => offers.count()).toBe(before);
  }, 30_000);

  it('transfers an active conversation to another queue', async () => {
    const ann = await agentId('Ann Agent');
    const texted = await fetch(`${sim.telesignUrl}/_sim/handsets/12025550102/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: sim.marker.supportNumber, text: 'Hello there' }),
    });
    expect(texted.status).toBe(201);
    const offered = async () =>
      (
        (await (await fetch(`${sim.channelUrl}/api/agents/${ann}/offers`)).json()) as Array<{
          id: string;
        }>
      )[0]?.id;
    await expect.poll(offered).toBeDefined();
    const id = await offered();
    const accepted = await fetch(`${sim.channelUrl}/api/conversations/${id}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agentId: ann }),
    });
    expect(accepted.status).toBe(200);

    await page.goto(`${sim.channelUrl}/agent/${ann}/conversations/${id}`);
    await page.getByTestId('transfer-queue').selectOption({ label: 'sales' });
    await page.getByTestId('action-transfer').click();
    await expect.poll(() => page.getByTestId('conversation-state').textContent()).toBe('open');
    expect(await page.getByTestId('conversation').textContent()).toContain('queue sales');
  }, 30_000);

  it('shows the admin page with the API key masked and the work streams validated', async () => {
    await page.goto(`${sim.channelUrl}/admin`);
    await page.getByTestId('work-stream').first().waitFor();
    const html = await page.content();
    expect(html).not.toContain(sim.marker.apiKey);
    expect(await page.getByTestId('sms-api-key').first().textContent()).toMatch(/^•+.{4}$/);
    expect(await page.getByTestId('validation-outcome').first().textContent()).toContain('valid');
    expect(await page.getByTestId('routing-rule').count()).toBeGreaterThan(0);
    await page.getByTestId('number-check-input').fill('+14155550123');
    await expect
      .poll(() => page.getByTestId('number-check-result').textContent())
      .toBe('Remove the leading +: enter <country code><number>, digits only.');
    await shot('admin');
  }, 30_000);

  it('shows a number format error inline and posts only a well-formed number (R-NUM-1)', async () => {
    await page.goto(`${sim.channelUrl}/admin`);
    const sales = page.getByTestId('work-stream').nth(1);
    await sales.getByTestId('remove-number').click();
    const input = sales.getByTestId('number-input');
    await input.waitFor();
    await input.fill('+14155550101');
    await sales.getByTestId('add-number').click();
    await expect
      .poll(() => sales.getByTestId('number-error').textContent())
      .toBe('Remove the leading +: enter <country code><number>, digits only.');
    expect(await sales.getByTestId('work-stream-missing').textContent()).toContain('number');

    await input.fill('14155550101');
    await sales.getByTestId('add-number').click();
    await expect
      .poll(() => sales.getByTestId('work-stream-number').textContent())
      .toContain('14155550101');
  }, 30_000);

  it('shows the TeleSign journal with statuses and signatures, policies and the clock', async () => {
    await page.goto(`${sim.channelUrl}/telesign`);
    await page.getByTestId('journal').waitFor();
    expect(await page.getByTestId('journal-entry').count()).toBeGreaterThan(0);
    const callbacks = page.locator('[data-testid="journal-entry"][data-kind="callback"]');
    expect(await callbacks.count()).toBeGreaterThan(0);
    expect(await callbacks.first().getByTestId('journal-signature').textContent()).toBe('✓ signed');
    expect(await page.getByTestId('delivery-policy').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('clock-now').textContent()).toMatch(/UTC$/);
    await shot('telesign');
  }, 30_000);

  it('lets an agent change presence and a developer create a handset', async () => {
    const ben = await agentId('Ben Agent');
    await page.goto(`${sim.channelUrl}/agent/${ben}`);
    await page.getByTestId('presence-select').selectOption('away');
    await expect.poll(() => page.getByTestId('agent-presence').textContent()).toBe('away');

    await page.goto(sim.channelUrl);
    await page.getByTestId('new-handset-phone').fill('+44 7911 123456');
    await page.getByTestId('new-handset').click();
    await page.waitForURL(/\/phones\/447911123456$/);
    expect(await page.locator('[data-testid="handset"][data-phone="447911123456"]').count()).toBe(
      1,
    );
  }, 30_000);

  it('advances a manual clock by 8 hours from the TeleSign page', async () => {
    const manual = await startSim(
      flags('--clock', 'manual'),
      createSimLogger({ level: 'silent', json: true }),
    );
    try {
      await page.goto(`${manual.channelUrl}/telesign`);
      const before = manual.clock.now();
      await page.getByTestId('advance-8h').click();
      await expect.poll(() => manual.clock.now() - before).toBe(8 * 3_600_000);
      await expect
        .poll(() => page.getByTestId('clock-now').textContent())
        .toBe(
          `${new Date(before + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        );
      await shot('telesign-manual-clock');
    } finally {
      await page.close();
      await manual.stop();
    }
  }, 30_000);
});
