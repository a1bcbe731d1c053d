// A bounded fuzz over every operation of both OpenAPI documents and the console relay, over real
// sockets: hostile path values and bodies get a 4xx (or a 2xx), never a 5xx, never a hang.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../bin/sim/start';
import { startQuietSim } from './sim-under-test';

let sim: RunningSim;
beforeAll(async () => {
  sim = await startQuietSim('--clock', 'manual');
});
afterAll(() => sim.stop());

const PARAMS = ['x', '0', '..', '%2e%2e', 'a'.repeat(300), '%00', '%F0%9F%92%A5', '-1'];
const BODIES = [
  undefined,
  '{}',
  '[]',
  'null',
  '"x"',
  '{"a":',
  `${'['.repeat(3000)}${']'.repeat(3000)}`,
  '{"name":1e999,"number":"+1","text":"","to":[],"ms":-1,"url":"javascript:x"}',
];

interface Operation {
  method: string;
  path: string;
}

async function operations(url: string, prefix: string): Promise<Operation[]> {
  const doc = (await (await fetch(url)).json()) as {
    paths: Record<string, Record<string, { responses?: unknown }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .filter(([, op]) => !JSON.stringify(op.responses ?? {}).includes('text/event-stream'))
      .filter(() => path.startsWith(prefix))
      .map(([method]) => ({ method: method.toUpperCase(), path })),
  );
}

async function send(base: string, method: string, path: string, body?: string) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined || method === 'GET' ? {} : { body }),
    signal: AbortSignal.timeout(5_000),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('a bounded fuzz', () => {
  it('answers every operation of both APIs and the relay without a 5xx or a hang', async () => {
    const targets = [
      { base: sim.channelUrl, ops: await operations(`${sim.channelUrl}/openapi.json`, '/api/') },
      {
        base: sim.telesignUrl,
        ops: await operations(`${sim.telesignUrl}/_sim/openapi.json`, '/_sim/'),
      },
    ];
    const failures: string[] = [];
    let calls = 0;
    for (const { base, ops } of targets) {
      expect(ops.length).toBeGreaterThan(10);
      for (const op of ops) {
        // Never the reset: later operations should meet a world, not an empty one.
        if (op.path.endsWith('/reset')) continue;
        for (let i = 0; i < BODIES.length; i++) {
          const param = PARAMS[i % PARAMS.length] ?? 'x';
          const path = op.path.replace(/\{[^}]+\}/g, param);
          const body = BODIES[i];
          const status = await send(base, op.method, path, body);
          calls++;
          if (status >= 500)
            failures.push(`${op.method} ${path} ${String(body).slice(0, 40)} → ${status}`);
          // The relay, with the same operation as its payload.
          const relayed = await send(
            sim.channelUrl,
            'POST',
            '/console/call',
            `{"target":"${base === sim.channelUrl ? 'channel' : 'telesign'}","method":"${op.method}","path":${JSON.stringify(path)}${body && body.length < 200 ? `,"body":${body}` : ''}}`,
          ).catch(() => 599);
          calls++;
          if (relayed >= 500) failures.push(`relay ${op.method} ${path} → ${relayed}`);
        }
      }
    }
    console.info(`fuzz: ${calls} calls`);
    expect(failures).toEqual([]);
  }, 60_000);

  it('keeps memory flat while the relay is asked for event streams again and again', async () => {
    const relayStream = (target: string, path: string) =>
      send(
        sim.channelUrl,
        'POST',
        '/console/call',
        JSON.stringify({ target, method: 'GET', path }),
      );
    // Warm up, then measure 200 more: before issue 11 each one kept reading an endless stream.
    for (let i = 0; i < 20; i++) await relayStream('telesign', '/_sim/events');
    const before = process.memoryUsage().heapUsed;
    const statuses = new Set<number>();
    for (let i = 0; i < 100; i++) {
      statuses.add(await relayStream('telesign', '/_sim/events'));
      statuses.add(await relayStream('channel', '/api/events'));
    }
    const grownMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    console.info(`relay abuse: heap grew ${grownMb.toFixed(1)} MB over 200 stream relays`);
    expect([...statuses]).toEqual([400]);
    expect(grownMb).toBeLessThan(30);
  }, 60_000);
});
