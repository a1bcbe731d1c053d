// The browser suite's one launcher: a simulator (and a manual-clock one on demand), one shared
// Chromium, a fresh page per test that records every console error, and seeding over the HTTP APIs.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { parseSimFlags } from '../../bin/sim/flags';
import { createSimLogger } from '../../bin/sim/logger';
import { type RunningSim, startSim } from '../../bin/sim/start';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
/** A laptop screen: every page must read well at this size. */
export const VIEWPORT = { width: 1366, height: 768 };

export const SUPPORT = '14155550100'; // work stream `support`, push mode
export const SALES_LINE = '14155550101'; // work stream `sales-line`, pick mode

export interface Conversation {
  id: string;
  state: string;
  agentId: string | null;
  queueId: string;
  offer: { agentId: string } | null;
  contactMatch: string;
  customerNumber: string;
  supportNumber: string;
}

/** One running simulator and the HTTP calls the tests seed it with. */
export class World {
  constructor(readonly sim: RunningSim) {}

  get url(): string {
    return this.sim.channelUrl;
  }

  async api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const base = path.startsWith('/_sim/') ? this.sim.telesignUrl : this.sim.channelUrl;
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  async agentId(name: string): Promise<string> {
    const agents = await this.api<Array<{ id: string; name: string }>>('GET', '/api/agents');
    const agent = agents.find((a) => a.name === name);
    if (!agent) throw new Error(`no agent ${name}`);
    return agent.id;
  }

  async queueId(name: string): Promise<string> {
    const queues = await this.api<Array<{ id: string; name: string }>>('GET', '/api/queues');
    const queue = queues.find((q) => q.name === name);
    if (!queue) throw new Error(`no queue ${name}`);
    return queue.id;
  }

  /** A handset texts a support number; resolves with the conversation it opened or joined. */
  async text(phone: string, text: string, to = SUPPORT): Promise<Conversation> {
    await this.api('POST', `/_sim/handsets/${phone}/messages`, { to, text });
    let found: Conversation | undefined;
    await expect
      .poll(async () => {
        const page = await this.api<{ items: Conversation[] }>(
          'GET',
          `/api/conversations?customerNumber=${phone}&supportNumber=${to}`,
        );
        found = page.items.find((c) => c.state !== 'closed');
        return found !== undefined;
      })
      .toBe(true);
    return found as Conversation;
  }

  conversation(id: string): Promise<Conversation> {
    return this.api<Conversation>('GET', `/api/conversations/${id}`);
  }

  /** Texts, waits for the offer, and accepts it as whoever it was offered to. */
  async activeConversation(phone: string, text: string): Promise<Conversation> {
    const opened = await this.text(phone, text);
    let offered: Conversation = opened;
    await expect
      .poll(async () => {
        offered = await this.conversation(opened.id);
        return offered.offer?.agentId ?? null;
      })
      .not.toBeNull();
    const agentId = offered.offer?.agentId as string;
    return this.api<Conversation>('POST', `/api/conversations/${opened.id}/accept`, { agentId });
  }
}

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

/** A simulator whose two available agents have room for every conversation the suite opens. */
const start = async (...extra: string[]) => {
  const world = new World(
    await startSim(flags(...extra), createSimLogger({ level: 'silent', json: true })),
  );
  for (const name of ['Ann Agent', 'Ben Agent']) {
    await world.api('PATCH', `/api/agents/${await world.agentId(name)}`, { capacity: 1000 });
  }
  return world;
};

export interface ConsoleSuite {
  /** The real-clock simulator every test shares. */
  world: () => World;
  /** A second simulator with `--clock manual`, started on first use. */
  manualWorld: () => Promise<World>;
  /** This test's page (1366×768); console errors and page errors fail the test. */
  page: () => Page;
  /** Saves a screenshot of the current page under test/artifacts/. */
  shot: (name: string) => Promise<void>;
}

/** Registers the hooks: call once at the top of the one browser test file. */
export function setUpConsoleSuite(): ConsoleSuite {
  let world: World | undefined;
  let manual: Promise<World> | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let problems: string[] = [];

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    [world, browser] = await Promise.all([
      start(),
      chromium.launch({
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
      }),
    ]);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([world?.sim.stop(), manual?.then((m) => m.sim.stop())]);
  });

  beforeEach(async () => {
    problems = [];
    if (!browser) throw new Error('no browser');
    page = await browser.newPage({ viewport: VIEWPORT });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  });

  afterEach(async () => {
    await page?.close();
    expect(problems).toEqual([]);
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} not started`);
    return value;
  };
  return {
    world: () => need(world, 'simulator'),
    manualWorld: () => {
      manual ??= start('--clock', 'manual');
      return manual;
    },
    page: () => need(page, 'page'),
    shot: async (name) => {
      await need(page, 'page').screenshot({ path: join(ARTIFACTS, `${name}.png`) });
    },
  };
}
