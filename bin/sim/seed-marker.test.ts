import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMarker, type SeedMarker, writeMarker } from './seed-marker';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sim-marker-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const marker: SeedMarker = {
  version: 1,
  seededAt: '2026-01-05T09:00:00.000Z',
  world: 'default',
  seed: null,
  customerId: 'C1',
  apiKey: 'key==',
  supportNumber: '14155550100',
  handsets: [{ phone: '12025550101', name: 'Alice Ng' }],
  ids: {
    organisation: { id: 'org_1', inboundUrl: 'http://127.0.0.1:4020/telesign/inbound/org_1/t' },
    accounts: { main: { customerId: 'C1', apiKey: 'key==' } },
    workStreams: { support: 'ws_1' },
    numbers: { support: '14155550100' },
    queues: { default: 'q_0' },
    contacts: {},
    customerAccounts: { acme: 'acc_1' },
    agents: { ann: 'ag_1' },
    phones: {},
  },
};

describe('seed marker', () => {
  it('is absent on a first start', async () => {
    expect(await readMarker(folder)).toBeNull();
  });

  it('reads back what an earlier start wrote', async () => {
    await writeMarker(folder, marker);
    expect(await readMarker(folder)).toEqual(marker);
  });

  it('reads a marker written before accounts existed, with no accounts', async () => {
    const { customerAccounts: _, ...olderIds } = marker.ids;
    await writeFile(join(folder, 'sim.json'), JSON.stringify({ ...marker, ids: olderIds }));
    expect((await readMarker(folder))?.ids.customerAccounts).toEqual({});
  });

  it('names the file when it is damaged', async () => {
    await writeFile(join(folder, 'sim.json'), '{oops');
    await expect(readMarker(folder)).rejects.toThrow(
      `${join(folder, 'sim.json')} is not valid JSON; delete the data folder to start afresh`,
    );
  });
});
