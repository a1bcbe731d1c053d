// A fresh default world with the recorder listening, for tests that record a session and replay it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Harness, startHarness } from '../../scenarios/engine/harness';
import { createRecorder, type Recorder } from '../../scenarios/record/recorder';
import { applyWorld, type WorldIds } from '../../scenarios/world/apply-world';
import { loadWorld } from '../../scenarios/world/load-world';

export interface RecordedSession {
  harness: Harness;
  ids: WorldIds;
  recorder: Recorder;
  /** Stops listening, writes the recording to a temporary file and closes the world. */
  finish(): Promise<string>;
}

/** Runs `act` in a recorded session and returns the recording's file (the world is closed after). */
export async function recordSession(
  seed: string,
  act: (session: Omit<RecordedSession, 'finish'>) => Promise<void>,
): Promise<string> {
  const harness = await startHarness({ seed });
  try {
    const ids = await applyWorld(loadWorld('default'), harness);
    await harness.settleWorld();
    const recorder = createRecorder({
      channel: harness.channel,
      world: 'default',
      ids,
      startedAt: harness.clock.now(),
    });
    await recorder.start();
    const stop = harness.subscribe((event) => recorder.onEvent(event));
    await act({ harness, ids, recorder });
    stop();
    const file = join(mkdtempSync(join(tmpdir(), `${seed}-`)), 'recording.yaml');
    writeFileSync(file, await recorder.toYaml(harness.clock.now()));
    return file;
  } finally {
    await harness.close();
  }
}
