// A handset created in the console survives a restart of `npm run sim -- --data`, and opening a
// handset's URL creates nothing, before or after the restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, stop } from './sim-process';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sim-console-handset-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const status = async (url: string) => (await fetch(url)).status;

describe('a handset created in the console', () => {
  it('is still there after a restart on the same data folder; an opened URL is not', async () => {
    const first = await startSim(folder);
    try {
      const created = await fetch(`${first.banner.channelUrl}/console/handsets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ phone: '+1 (202) 555-0180' }),
      });
      expect(await created.json()).toEqual({
        status: 201,
        body: { phone: '12025550180', created_at: expect.any(String) },
      });
      expect((await fetch(`${first.banner.channelUrl}/phones/12025550181`)).status).toBe(200);
    } finally {
      expect(await stop(first.child)).toBe(0);
    }

    const second = await startSim(folder);
    try {
      const { telesignUrl, channelUrl } = second.banner;
      expect(await status(`${telesignUrl}/_sim/handsets/12025550180`)).toBe(200);
      expect(await status(`${telesignUrl}/_sim/handsets/12025550181`)).toBe(404);
      const phones = await (await fetch(`${channelUrl}/?q=555-0180`)).text();
      expect(phones).toContain('data-phone="12025550180"');
      expect(phones).not.toContain('data-testid="handset-not-created"');
    } finally {
      expect(await stop(second.child)).toBe(0);
    }
  }, 90_000);
});
