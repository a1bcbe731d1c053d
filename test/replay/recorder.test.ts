// A live session recorded from the channel's events replays green right after, and twice alike;
// a recording edited to disagree shows a readable diff by step.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { startHarness } from '../../scenarios/engine/harness';
import { replayFile } from '../../scenarios/engine/replay';
import { createRecorder } from '../../scenarios/record/recorder';
import { createSessionDriver } from '../../scenarios/record/session-driver';
import { applyWorld } from '../../scenarios/world/apply-world';
import { loadWorld } from '../../scenarios/world/load-world';

async function recordLiveSession(options: { awayBeforeRecording?: boolean } = {}): Promise<string> {
  const harness = await startHarness({ seed: 'live-session' });
  try {
    const ids = await applyWorld(loadWorld('default'), harness);
    await harness.settleWorld();
    const setAway = async () => {
      await harness.channel.must('PUT', `/api/agents/${ids.agents.ann}/presence`, {
        presence: 'away',
      });
      await harness.settle();
    };
    if (options.awayBeforeRecording) await setAway();
    const recorder = createRecorder({
      channel: harness.channel,
      world: 'default',
      ids,
      startedAt: harness.clock.now(),
      name: 'live session',
    });
    await recorder.start();
    const stop = harness.subscribe((event) => recorder.onEvent(event));
    const driver = createSessionDriver({
      ...harness,
      ids,
      phone: '12025550102',
      supportNumber: '14155550100',
    });
    await harness.channel.must('PUT', `/api/agents/${ids.agents.ann}/presence`, {
      presence: 'away',
    });
    await harness.settle();
    await driver.text('Hola, ¿dónde está mi pedido? 📦');
    await driver.wait(20_000);
    await driver.take();
    await driver.wait(30_000);
    await driver.send('Sale hoy mismo 🚚');
    await driver.wait(45_000);
    await driver.text('¡Gracias!');
    await driver.wait(10_000);
    await driver.act('end');
    await driver.wait(5_000);
    stop();
    const yaml = await recorder.toYaml(harness.clock.now());
    const file = join(mkdtempSync(join(tmpdir(), 'recording-')), 'live.yaml');
    writeFileSync(file, yaml);
    return file;
  } finally {
    await harness.close();
  }
}

describe('recording a live session', () => {
  it('records the texts, the presence change and the agent actions with their times', async () => {
    const file = await recordLiveSession();
    const recorded = parse(readFileSync(file, 'utf8')) as {
      steps: Array<Record<string, unknown>>;
    };
    const kinds = recorded.steps.map((s) => Object.keys(s).find((k) => k !== 'at'));
    expect(kinds).toEqual(['presence', 'text', 'accept', 'send', 'text', 'end', 'expect']);
    expect(recorded.steps[0]).toMatchObject({ presence: { agent: 'ann', presence: 'away' } });
    expect(recorded.steps[2]).toMatchObject({ accept: { agent: 'ben', conversation: 'c1' } });
  });

  it('records a presence set before the recording began as its first step', async () => {
    const file = await recordLiveSession({ awayBeforeRecording: true });
    const recorded = parse(readFileSync(file, 'utf8')) as { steps: Array<Record<string, unknown>> };
    expect(recorded.steps[0]).toMatchObject({ presence: { agent: 'ann', presence: 'away' } });
    expect((await replayFile(file)).diff).toEqual([]);
  });

  it('replays green right after it was made, and the same twice', async () => {
    const file = await recordLiveSession();
    const first = await replayFile(file);
    const second = await replayFile(file);
    expect(first.diff).toEqual([]);
    expect(first.same).toBe(true);
    expect(second).toMatchObject({ same: true, diff: [] });
  });

  it('shows where a replay departs from an edited recording, expected vs found by step', async () => {
    const file = await recordLiveSession();
    const recorded = parse(readFileSync(file, 'utf8')) as {
      steps: Array<Record<string, Record<string, unknown>>>;
    };
    const outcome = recorded.steps.at(-1)?.expect as Record<string, unknown>;
    outcome.state = 'closed';
    writeFileSync(file, stringify(recorded));
    const replay = await replayFile(file);
    expect(replay.same).toBe(false);
    expect(replay.diff.join('\n')).toMatch(
      /step 7 .*\n.*conversation c1 state: expected "closed", found "wrap-up"/,
    );
  });
});
