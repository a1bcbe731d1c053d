// Time to ready of `npm run sim`: a fresh data folder (seeding) and a restart on it, as a user sees it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSim, stop } from '../../test/sim/sim-process';

export const name = 'startup';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** Starts the sim, waits for `Ready.`, stops it; returns wall ms and the process's own figure. */
async function startOnce(dataDir: string): Promise<{ wallMs: number; ownMs: number }> {
  const started = await startSim(dataDir);
  const ownMs = Number(/Started in (\d+) ms/.exec(started.output())?.[1] ?? Number.NaN);
  await stop(started.child);
  return { wallMs: started.readyMs, ownMs };
}

export async function run(): Promise<void> {
  for (let round = 1; round <= ROUNDS; round++) {
    const dataDir = await mkdtemp(join(tmpdir(), 'bench-startup-'));
    try {
      const first = await startOnce(dataDir);
      const again = await startOnce(dataDir);
      console.log(
        `round ${round}: first start (seeding) ${first.wallMs} ms wall / ${first.ownMs} ms in-process; restart ${again.wallMs} ms wall / ${again.ownMs} ms in-process`,
      );
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  console.log('aim: ready within 3 000 ms of starting');
}
