// Replays every recorded conversation in fixtures/conversations; a difference fails with the readable diff.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findScenarioFiles } from '../../scenarios/engine/load-scenario';
import { replayFile } from '../../scenarios/engine/replay';

const files = findScenarioFiles([resolve(import.meta.dirname, '../../fixtures/conversations')]);

describe.concurrent('recorded conversations replay the same', () => {
  it('has at least 20 recordings', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });
  for (const file of files) {
    it(file.split('/').at(-1) ?? file, async () => {
      const outcome = await replayFile(file);
      expect(outcome.diff.join('\n')).toBe('');
      expect(outcome.same).toBe(true);
    });
  }
});
