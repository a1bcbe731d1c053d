// A benchmark target in its own process: the fake TeleSign (full TSA verification), or one of the
// peers it is compared with: a bare node:http twin, and the same twin on hono.

import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import {
  createFileStorage,
  createMemoryJournalStore,
  createSimulator,
  type Simulator,
} from '../../simulator/index';

const mode = process.argv[2] ?? 'fake';
let sim: Simulator | undefined;
let n = 0;

/** TeleSign's success answer, as a hand-written server would make it. */
function answer(body: string): string {
  const fields = new URLSearchParams(body);
  return JSON.stringify({
    reference_id: (n++).toString(16).toUpperCase().padStart(32, '0'),
    external_id: fields.get('external_id'),
    status: { code: 290, description: 'Message in progress', updated_on: new Date().toISOString() },
  });
}

/**
 * `fake`: traffic in memory; `journal`: in a journal file (a send waits for its line), and the
 * request journal on disk too; `traffic`: the same without the request journal on disk; `fsync`:
 * synced too.
 */
async function startFake(): Promise<Record<string, string | number>> {
  const folder = mode === 'fake' ? null : await mkdtemp(join(tmpdir(), 'bench-fake-'));
  if (folder) process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
  sim = createSimulator({
    ...(folder ? createFileStorage(folder, { fsync: mode === 'fsync', warn: console.error }) : {}),
    ...(mode === 'traffic' && { journalStore: createMemoryJournalStore() }),
  });
  const { port } = await sim.listen(0);
  const account = await sim.backend.accounts.create({});
  return { port, customerId: account.customerId, apiKey: account.apiKey };
}

/** Parse the form, answer TeleSign's success JSON: no authentication, no state. */
async function startBare(): Promise<Record<string, string | number>> {
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(answer(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port };
}

/** The same on hono, the body read as text (reference/performance.md: 0.70 of bare). */
async function startHono(): Promise<Record<string, string | number>> {
  const app = new Hono();
  app.post('/v1/messaging', async (c) =>
    c.body(answer(await c.req.text()), 200, { 'Content-Type': 'application/json' }),
  );
  const port = await new Promise<number>((resolve) => {
    serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
  });
  return { port };
}

const info =
  mode === 'bare' ? await startBare() : mode === 'hono' ? await startHono() : await startFake();
// The parent asks for CPU time around its timed window: on a busy machine, CPU per request is
// steadier than requests per second.
process.on('message', () =>
  process.send?.({
    cpu: process.cpuUsage(),
    rss: process.memoryUsage().rss,
    held: sim ? sim.backend.messages.list().length : 0,
  }),
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
process.send?.({ ready: true, ...info });
