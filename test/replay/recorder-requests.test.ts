// A session that changes the world while it runs (a new queue, an agent moved to it, a carrier that
// fails, a fault) is recorded with those changes as steps, and replays the same; without them it
// would not.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { replayFile } from '../../scenarios/engine/replay';
import { createSessionDriver } from '../../scenarios/record/session-driver';
import { tapFetch } from '../../scenarios/record/tap';
import { createApiClient } from '../../scenarios/world/http-client';
import { recordSession } from './recorded-session';

type Json = Record<string, unknown>;
const CUSTOMER = '12025550102';

async function recordChanges(): Promise<{ file: string; steps: Json[]; description?: string }> {
  const file = await recordSession('changes', async ({ harness, ids, recorder }) => {
    const observe = (r: Parameters<typeof recorder.onRequest>[0]) => recorder.onRequest(r);
    const now = () => harness.clock.now();
    const channel = createApiClient(
      tapFetch(harness.channelFetch, observe, now),
      harness.channel.baseUrl,
    );
    const telesign = createApiClient(
      tapFetch(harness.telesignFetch, observe, now),
      harness.telesign.baseUrl,
    );
    const step = async (ms: number) => {
      await harness.clock.advance(ms);
      await harness.settle();
    };
    await telesign.must('PUT', `/_sim/handsets/${CUSTOMER}/delivery`, { policy: { fail: 211 } });
    await step(1_000);
    const queue = (await channel.must('POST', '/api/queues', { name: 'returns' })) as Json;
    await step(1_000);
    await channel.must('PATCH', `/api/agents/${ids.agents.ann}`, {
      queueIds: [ids.queues.default, queue.id],
    });
    await step(1_000);
    const driver = createSessionDriver({
      ...harness,
      ids,
      phone: CUSTOMER,
      supportNumber: '14155550100',
    });
    await driver.text('My parcel never came');
    await step(2_000);
    await driver.take();
    await driver.send('Sorry to hear that, checking now');
    await step(5_000);
    // No scenario step sets a whole account's delivery policy.
    await telesign.must('PUT', `/_sim/accounts/${ids.accounts.main?.customerId}/delivery`, {
      policy: 'default',
    });
    await step(1_000);
  });
  const parsed = parse(readFileSync(file, 'utf8')) as { steps: Json[]; description?: string };
  return { file, ...parsed };
}

describe('recording the changes a session made', () => {
  it('records delivery policies, new queues and agent changes as steps in the order made', async () => {
    const { steps } = await recordChanges();
    const kinds = steps.map((s) => Object.keys(s).find((k) => k !== 'at'));
    expect(kinds.slice(0, 4)).toEqual(['delivery', 'create-queue', 'update-agent', 'text']);
    expect(steps[0]).toMatchObject({ delivery: { handset: CUSTOMER, policy: 'fail', code: 211 } });
    expect(steps[2]).toMatchObject({
      'update-agent': { agent: 'ann', queues: ['default', 'returns'] },
    });
  });

  it('names in the description a change that no step can make', async () => {
    const { description } = await recordChanges();
    expect(description).toMatch(/Not recorded .*PUT \/_sim\/accounts\/[^/]+\/delivery/);
  });

  it('replays the same with the recorded changes, and differently without the delivery policy', async () => {
    const { file, steps } = await recordChanges();
    const same = await replayFile(file);
    expect(same.diff).toEqual([]);
    expect(same.same).toBe(true);
    writeFileSync(
      file,
      stringify({
        ...parse(readFileSync(file, 'utf8')),
        steps: steps.filter((s) => !('delivery' in s)),
      }),
    );
    const changed = await replayFile(file);
    expect(changed.same).toBe(false);
    expect(changed.diff.join('\n')).toMatch(/expected 211, found 200/);
  });
});
