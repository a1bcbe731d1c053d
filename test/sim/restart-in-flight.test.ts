// A message still on its way when `npm run sim` stops reaches the phone after the restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSimFlags } from '../../bin/sim/flags';
import { createSimLogger } from '../../bin/sim/logger';
import { startSim } from '../../bin/sim/start';

const PHONE = '12025550103';
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sim-in-flight-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const start = () => {
  const outcome = parseSimFlags(['--data', folder, '--telesign-port', '0', '--channel-port', '0']);
  if (outcome.kind !== 'run') throw new Error('flags');
  return startSim(outcome.flags, createSimLogger({ level: 'silent', json: true }));
};

describe('a restart with a delivery in flight', () => {
  it('carries the delivery on, so the message reaches the phone after the restart', async () => {
    const first = await start();
    const { customerId, apiKey } = first.marker;
    await fetch(`${first.telesignUrl}/_sim/handsets/${PHONE}/delivery`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ policy: { after: 1_500 } }),
    });
    const sent = await fetch(`${first.telesignUrl}/v1/messaging`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${btoa(`${customerId}:${apiKey}`)}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        phone_number: PHONE,
        message: 'Sent just before the stop',
        message_type: 'ARN',
      }).toString(),
    });
    expect(sent.status).toBe(200);
    await first.stop();

    const second = await start();
    try {
      const inbox = async () =>
        (
          (await (await fetch(`${second.telesignUrl}/_sim/handsets/${PHONE}/messages`)).json()) as {
            inbox: { text: string }[];
          }
        ).inbox.map((m) => m.text);
      await expect.poll(inbox).toEqual(['Sent just before the stop']);
    } finally {
      await second.stop();
    }
  }, 30_000);
});
