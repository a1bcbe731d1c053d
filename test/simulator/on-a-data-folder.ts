// Fakes on one temporary data folder, for tests that restart them: each test gets a new folder,
// and every fake still open is closed (and the folder removed) after it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createManualClock } from '../../lib/clock';
import {
  createFileStorage,
  createSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../../simulator/index';

export interface DataFolderFakes {
  /** This test's folder. */
  folder(): string;
  /** A fake on the folder (manual clock at 2026-01-05 09:00 UTC, callbacks answered 200). */
  start(options?: SimulatorOptions): Simulator;
  /** Closes `sim` now (a clean stop), so that a later start reads what it wrote. */
  stop(sim: Simulator): Promise<void>;
}

export function fakesOnADataFolder(prefix: string): DataFolderFakes {
  let folder = '';
  const open: Simulator[] = [];
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    for (const sim of open.splice(0)) await sim.close();
    await rm(folder, { recursive: true, force: true });
  });
  return {
    folder: () => folder,
    start(options = {}) {
      const sim = createSimulator({
        clock: createManualClock(Date.UTC(2026, 0, 5, 9)),
        fetch: async () => new Response('ok'),
        ...createFileStorage(folder),
        ...options,
      });
      open.push(sim);
      return sim;
    },
    async stop(sim) {
      const at = open.indexOf(sim);
      if (at >= 0) open.splice(at, 1);
      await sim.close();
    },
  };
}
