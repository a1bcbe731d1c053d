// `npx tsx bin/screenshots.ts`: fresh screenshots of every console page into docs/images/ (1366×768),
// from an in-memory simulator with a little activity: a customer texts, Ann accepts and replies.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { parseSimFlags } from './sim/flags';
import { createSimLogger } from './sim/logger';
import { startSim } from './sim/start';

const OUT = join(import.meta.dirname, '..', 'docs', 'images');
const outcome = parseSimFlags(['--memory', '--telesign-port', '0', '--channel-port', '0']);
if (outcome.kind !== 'run') throw new Error('flags');
const sim = await startSim(outcome.flags, createSimLogger({ level: 'silent', json: true }));
const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const base = path.startsWith('/_sim/') ? sim.telesignUrl : sim.channelUrl;
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: sim.channelUrl },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
};
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  await call('POST', '/_sim/handsets/12025550101/messages', {
    to: '14155550100',
    text: 'Hi, my order has not arrived 📦',
  });
  await call('POST', '/_sim/handsets/12025550102/messages', { to: '14155550100', text: 'Hello?' });
  await wait(500);
  type Cv = { id: string; offer?: { agentId: string }; customerNumber: string };
  const all = await call<Cv[] | { items: Cv[] }>('GET', '/api/conversations');
  const list = Array.isArray(all) ? all : all.items;
  const alice = list.find((c) => c.customerNumber === '12025550101');
  const agentId = alice?.offer?.agentId ?? '';
  if (alice && agentId) {
    await call('POST', `/api/conversations/${alice.id}/accept`, { agentId });
    await call('POST', `/api/conversations/${alice.id}/messages`, {
      agentId,
      text: 'Sorry about that — it ships today.',
    });
  }
  await wait(1500);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const shots: Array<[string, string]> = [
    ['/phones/12025550101', 'console-phones'],
    [`/agent/${agentId}`, 'console-agent-offer'],
    [
      alice ? `/agent/${agentId}/conversations/${alice.id}` : '/agent',
      'console-agent-conversation',
    ],
    ['/admin', 'console-admin'],
    ['/telesign', 'console-telesign'],
    ['/inspect', 'console-inspect-journal'],
    ['/inspect/journal/1', 'console-inspect-entry'],
    ['/inspect/conversations', 'console-inspect-conversations'],
    [
      alice ? `/inspect/conversations/${alice.id}` : '/inspect/conversations',
      'console-inspect-conversation',
    ],
    ['/api', 'console-api-index'],
  ];
  const journal = await call<Array<{ seq: number; kind: string }>>(
    'GET',
    '/_sim/journal?kind=callback&limit=1',
  );
  if (journal[0]) shots[6] = [`/inspect/journal/${journal[0].seq}`, 'console-inspect-entry'];
  for (const [path, name] of shots) {
    await page.goto(`${sim.channelUrl}${path}`);
    // A conversation's page is shown at its histories (transitions and offers, side by side).
    if (name === 'console-inspect-conversation')
      await page.evaluate(
        `document.querySelector('[data-testid="record-history"]')?.scrollIntoView({ block: 'end' })`,
      );
    await wait(400);
    await page.screenshot({ path: join(OUT, `${name}.png`) });
    console.log(`docs/images/${name}.png  ← ${path}`);
  }
} finally {
  await browser.close();
  await sim.stop();
}
