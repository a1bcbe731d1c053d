// `npm run sim --record <file>`: what happened in the session is written as a scenario on stop.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSimFlags } from '../../bin/sim/flags';
import { createSimLogger } from '../../bin/sim/logger';
import { startSim } from '../../bin/sim/start';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sim-record-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('sim --record', () => {
  it('writes the texts of the session as scenario steps when it stops', async () => {
    const file = join(folder, 'session.yaml');
    const outcome = parseSimFlags([
      '--memory',
      '--telesign-port',
      '0',
      '--channel-port',
      '0',
      '--record',
      file,
    ]);
    if (outcome.kind !== 'run') throw new Error('flags');
    const sim = await startSim(outcome.flags, createSimLogger({ level: 'silent', json: true }));
    try {
      const texted = await fetch(`${sim.telesignUrl}/_sim/handsets/12025550102/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to: sim.marker.supportNumber, text: 'Where is my refund?' }),
      });
      expect(texted.status).toBe(201);
      await expect
        .poll(
          async () =>
            ((await (await fetch(`${sim.channelUrl}/api/conversations`)).json()) as unknown[])
              .length,
        )
        .toBe(1);
    } finally {
      await sim.stop();
    }
    const scenario = parse(await readFile(file, 'utf8')) as {
      world: string;
      steps: Array<Record<string, unknown>>;
    };
    expect(scenario.world).toBe('default');
    expect(JSON.stringify(scenario.steps)).toContain('Where is my refund?');
  });
});
