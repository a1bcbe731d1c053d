// Handsets created on the control plane and cleared threads survive a restart on a data folder;
// a world file of schema 2 (no created handsets) is migrated.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator/index';
import { fakesOnADataFolder } from './on-a-data-folder';

const fakes = fakesOnADataFolder('simulator-handsets-');

async function start(): Promise<Simulator> {
  const sim = fakes.start();
  await sim.backend.ready;
  return sim;
}

const call = async (sim: Simulator, method: string, path: string, body?: unknown) => {
  const response = await sim.app.request(path, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

async function restart(sim: Simulator): Promise<Simulator> {
  await sim.backend.traffic.flush();
  await fakes.stop(sim);
  return start();
}

describe('handsets across a restart', () => {
  it('keeps a created handset that never texted', async () => {
    const first = await start();
    expect((await call(first, 'PUT', '/_sim/handsets/12025550150')).status).toBe(201);
    const second = await restart(first);
    const listed = await call(second, 'GET', '/_sim/handsets');
    expect(listed.body).toEqual([
      { phone: '12025550150', inbox: 0, outbox: 0, delivery: null, opted_out_of: [] },
    ]);
    expect((await call(second, 'GET', '/_sim/handsets/12025550150')).body).toMatchObject({
      created_at: '2026-01-05T09:00:00.000Z',
    });
  });

  it('keeps a cleared thread cleared, and what the phone texted after the clear', async () => {
    const first = await start();
    const account = await first.backend.accounts.create({});
    const { number } = await first.backend.numbers.purchase(account.customerId, {});
    const text = (words: string) =>
      call(first, 'POST', '/_sim/handsets/12025550151/messages', { to: number, text: words });
    await text('before the clear');
    await call(first, 'DELETE', '/_sim/handsets/12025550151/messages');
    await text('after the clear');
    const second = await restart(first);
    const thread = await call(second, 'GET', '/_sim/handsets/12025550151/messages');
    expect((thread.body.outbox as { text: string }[]).map((m) => m.text)).toEqual([
      'after the clear',
    ]);
    expect(thread.body.cleared_after).toBeNull();
  });

  it('migrates a schema-2 world file: no created handsets, everything else kept', async () => {
    const first = await start();
    await first.backend.accounts.create({ customerId: 'A0000000-0000-4000-8000-000000000001' });
    await fakes.stop(first);
    const file = join(fakes.folder(), 'telesign.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    delete stored.handsets;
    await writeFile(file, JSON.stringify({ ...stored, version: 2 }));

    const second = await start();
    expect(second.backend.db.data.version).toBe(3);
    expect(second.backend.db.data.handsets).toEqual({});
    expect((await call(second, 'GET', '/_sim/handsets')).body).toEqual([]);
    expect(second.backend.accounts.find('A0000000-0000-4000-8000-000000000001')).toBeDefined();
  });
});
