// `npm run sim --record <file>`: what happened in the session is written as a scenario on stop.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSimFlags } from '../../bin/sim/flags';
import { createSimLogger } from '../../bin/sim/logger';
import { startSim } from '../../bin/sim/start';
import { replayFile } from '../../scenarios/engine/replay';

let folder: string;

/** `npm run sim -- --memory --record <file>` on free ports, silent. */
async function startRecordingSim(file: string, extra: string[] = []) {
  const outcome = parseSimFlags([
    '--memory',
    '--telesign-port',
    '0',
    '--channel-port',
    '0',
    ...extra,
    '--record',
    file,
  ]);
  if (outcome.kind !== 'run') throw new Error('flags');
  return startSim(outcome.flags, createSimLogger({ level: 'silent', json: true }));
}
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sim-record-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('sim --record', () => {
  it('writes the texts of the session as scenario steps when it stops', async () => {
    const file = join(folder, 'session.yaml');
    const sim = await startRecordingSim(file);
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
            (
              (await (await fetch(`${sim.channelUrl}/api/conversations`)).json()) as {
                items: unknown[];
              }
            ).items.length,
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

  it('carries the --seed as a world override, so a session with a generated contact replays the same', async () => {
    const file = join(folder, 'seeded.yaml');
    const sim = await startRecordingSim(file, ['--seed', '7']);
    try {
      // contact-1 is made by faker: its phone differs from one seed to another.
      const contactId = sim.marker.ids.contacts['contact-1'];
      const contact = (await (
        await fetch(`${sim.channelUrl}/api/contacts/${contactId}`)
      ).json()) as {
        mobilePhone: string;
      };
      const phone = contact.mobilePhone.replace(/^\+/, '');
      const texted = await fetch(`${sim.telesignUrl}/_sim/handsets/${phone}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to: sim.marker.supportNumber, text: 'Is my parcel lost?' }),
      });
      expect(texted.status).toBe(201);
      await expect
        .poll(
          async () =>
            (
              (await (await fetch(`${sim.channelUrl}/api/conversations`)).json()) as {
                items: unknown[];
              }
            ).items.length,
        )
        .toBe(1);
    } finally {
      await sim.stop();
    }
    const scenario = parse(await readFile(file, 'utf8')) as {
      override?: unknown;
      steps: Array<Record<string, unknown>>;
    };
    expect(scenario.override).toEqual({ faker: { seed: 7 } });
    expect(JSON.stringify(scenario.steps)).toContain('"contact":"contact-1"');
    const replay = await replayFile(file);
    expect(replay.diff).toEqual([]);
    expect(replay.same).toBe(true);
  }, 30_000);

  it('records changes made over either server’s socket: a delivery policy and a new queue', async () => {
    const file = join(folder, 'changes.yaml');
    const sim = await startRecordingSim(file);
    const put = (url: string, method: string, body: unknown) =>
      fetch(url, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    try {
      const policy = await put(`${sim.telesignUrl}/_sim/handsets/12025550102/delivery`, 'PUT', {
        policy: { fail: 211 },
      });
      expect(policy.status).toBe(200);
      const queue = await put(`${sim.channelUrl}/api/queues`, 'POST', { name: 'returns' });
      expect(queue.status).toBe(201);
    } finally {
      await sim.stop();
    }
    const scenario = parse(await readFile(file, 'utf8')) as {
      steps: Array<Record<string, unknown>>;
    };
    expect(scenario.steps).toContainEqual(
      expect.objectContaining({ delivery: { handset: '12025550102', policy: 'fail', code: 211 } }),
    );
    expect(scenario.steps).toContainEqual(
      expect.objectContaining({ 'create-queue': { name: 'returns' } }),
    );
  }, 30_000);
});
