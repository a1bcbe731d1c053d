// `npm run sim` on a data folder written by the previous version (schema 1, before rulebook
// revision 2): it loads, migrates, says what it changed, and routes as the new rules say.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startSim, stop } from './sim-process';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sim-previous-'));
  await cp(join(ROOT, 'fixtures/data/schema-1'), dataDir, { recursive: true });
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

interface Rule {
  name: string;
  disabled?: { reason: string };
}

describe('npm run sim on a data folder of the previous version', () => {
  it('R-RT-3: loads and migrates it: the message-text rule is disabled and flagged, conversations kept, a new text skips the rule', async () => {
    const before = JSON.parse(await readFile(join(dataDir, 'channel/channel.json'), 'utf8'));
    expect(before.schemaVersion).toBe(1);
    const sim = await startSim(dataDir);
    try {
      const api = sim.banner.channelUrl;
      expect(sim.output()).toContain('kept from last run');
      expect(sim.output()).toContain(
        'routing rule "billing-keywords" of work stream "support" tests message.text and is now disabled (R-RT-3)',
      );
      const streams = (await (await fetch(`${api}/api/work-streams`)).json()) as Array<{
        id: string;
        name: string;
      }>;
      const support = streams.find((w) => w.name === 'support');
      const rules = (await (
        await fetch(`${api}/api/work-streams/${support?.id}/routing-rules`)
      ).json()) as Rule[];
      expect(rules.map((r) => [r.name, Boolean(r.disabled)])).toEqual([
        ['vip-customers', false],
        ['billing-keywords', true],
      ]);
      expect(rules[1]?.disabled?.reason).toContain('R-RT-3');
      const conversations = async () =>
        (
          (await (await fetch(`${api}/api/conversations`)).json()) as {
            items: Array<{ customerNumber: string; routedBy: unknown; state: string }>;
          }
        ).items;
      expect(await conversations()).toHaveLength(2);
      expect((await (await fetch(`${api}/api/accounts`)).json()) as unknown[]).toEqual([]);

      // Chloe texts about a refund: the disabled rule would have sent her to billing.
      const texted = await fetch(`${sim.banner.telesignUrl}/_sim/handsets/12025550103/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to: sim.banner.supportNumber, text: 'A refund for my invoice' }),
      });
      expect(texted.status).toBe(201);
      await expect
        .poll(async () => (await conversations()).find((c) => c.customerNumber === '12025550103'))
        .toMatchObject({ routedBy: 'default', state: 'open' });
    } finally {
      expect(await stop(sim.child)).toBe(0);
    }
    const after = JSON.parse(await readFile(join(dataDir, 'channel/channel.json'), 'utf8'));
    expect(after.schemaVersion).toBe(3);
  }, 90_000);
});
