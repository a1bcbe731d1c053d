// A rejected offer is someone's act: the recording keeps it as a step, and the replay reproduces
// who was offered next.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { replayFile } from '../../scenarios/engine/replay';
import { recordSession } from './recorded-session';

type Json = Record<string, unknown>;

async function recordRejection(): Promise<string> {
  return recordSession('rejections', async ({ harness, ids }) => {
    await harness.telesign.must('POST', '/_sim/handsets/12025550102/messages', {
      to: '14155550100',
      text: 'Where is my parcel?',
    });
    await harness.clock.advance(2_000);
    await harness.settle();
    const offered = async () => {
      for (const [agent, id] of Object.entries(ids.agents)) {
        const offers = (await harness.channel.must('GET', `/api/agents/${id}/offers`)) as Json[];
        if (offers[0]) return { agent, id, conversationId: String(offers[0].id) };
      }
      throw new Error('nobody was offered the conversation');
    };
    const first = await offered();
    await harness.clock.advance(5_000);
    await harness.channel.must('POST', `/api/conversations/${first.conversationId}/reject`, {
      agentId: first.id,
    });
    await harness.clock.advance(2_000);
    await harness.settle();
    const second = await offered();
    expect(second.agent).not.toBe(first.agent);
    await harness.channel.must('POST', `/api/conversations/${second.conversationId}/accept`, {
      agentId: second.id,
    });
    await harness.clock.advance(5_000);
    await harness.settle();
  });
}

describe('recording offers', () => {
  it('records a rejected offer as a reject step before the other agent accepts, and replays the same', async () => {
    const file = await recordRejection();
    const steps = (parse(readFileSync(file, 'utf8')) as { steps: Json[] }).steps;
    const kinds = steps.map((s) => Object.keys(s).find((k) => k !== 'at'));
    expect(kinds).toEqual(['text', 'reject', 'accept', 'expect']);
    const outcome = await replayFile(file);
    expect(outcome.diff).toEqual([]);
    expect(outcome.same).toBe(true);
  });

  it('replays a recording without its reject step as different (the other agent was never offered it)', async () => {
    const file = await recordRejection();
    const recorded = parse(readFileSync(file, 'utf8')) as { steps: Json[] };
    recorded.steps = recorded.steps.filter((s) => !('reject' in s));
    writeFileSync(file, stringify(recorded));
    const outcome = await replayFile(file);
    expect(outcome.same).toBe(false);
  });
});
