// Revision-2 state survives a restart on a data folder: account settings and handsets' opt-outs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../lib/clock';
import { createFileStorage, createSimulator, type Simulator } from '../../simulator/index';

const PHONE = '12025550101';
let folder: string;
let running: Simulator[];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'simulator-account-state-'));
  running = [];
});
afterEach(async () => {
  for (const sim of running) await sim.close();
  await rm(folder, { recursive: true, force: true });
});

async function start(): Promise<Simulator> {
  const sim = createSimulator({
    clock: createManualClock(Date.UTC(2026, 0, 5, 9)),
    ...createFileStorage(folder),
    fetch: async () => new Response('ok'),
  });
  running.push(sim);
  await sim.backend.ready;
  return sim;
}

describe('account state across a restart', () => {
  it('keeps an opt-out and the account settings', async () => {
    const first = await start();
    const account = await first.backend.accounts.create({});
    const { number } = await first.backend.numbers.purchase(account.customerId, {});
    await first.backend.accounts.updateSettings(account.customerId, {
      opt_out: { help_reply: 'Call us' },
      trial: true,
      verified_numbers: [PHONE],
    });
    await first.backend.textFromHandset(PHONE, number, 'STOP');
    await first.close();
    running = [];

    const second = await start();
    expect(second.backend.optOuts.find(PHONE, number)).toMatchObject({ keyword: 'STOP' });
    expect(second.backend.accounts.get(account.customerId).settings).toMatchObject({
      optOut: { enabled: true, helpReply: 'Call us' },
      trial: true,
      verifiedNumbers: [PHONE],
    });
  });
});
