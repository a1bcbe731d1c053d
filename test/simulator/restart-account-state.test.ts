// Revision-2 state survives a restart on a data folder: account settings and handsets' opt-outs.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator/index';
import { fakesOnADataFolder } from './on-a-data-folder';

const PHONE = '12025550101';
const fakes = fakesOnADataFolder('simulator-account-state-');

async function start(): Promise<Simulator> {
  const sim = fakes.start();
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
    await fakes.stop(first);

    const second = await start();
    expect(second.backend.optOuts.find(PHONE, number)).toMatchObject({ keyword: 'STOP' });
    expect(second.backend.accounts.get(account.customerId).settings).toMatchObject({
      optOut: { enabled: true, helpReply: 'Call us' },
      trial: true,
      verifiedNumbers: [PHONE],
    });
  });
});
