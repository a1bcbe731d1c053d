// Restart of the channel on a large stored history: time to ready, memory, and a compaction, each
// in its own process, at 100 000 and 1 000 000 messages (BENCH_SCALE_MESSAGES to choose).
import { fork } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rewriteJsonLines } from '../../lib/json-lines';
import { closedConversation, storedMessage } from './channel-history';

export const name = 'scale';

const SIZES = (process.env.BENCH_SCALE_MESSAGES ?? '100000,1000000').split(',').map(Number);
/** Issue 12's figures for the code before it (records.json, all history in memory). */
const BEFORE: Record<number, string> = {
  10000: '1.2 s',
  100000: '1.8 s',
  1000000: '9.6 s first, 4.4 s later; 1.07 GB RSS, peak 1.7 GB',
};

/** The snapshot a store holding `count` messages over 1 000 closed conversations writes. */
async function prefill(folder: string, count: number): Promise<number> {
  function* lines() {
    yield { schemaVersion: 1, coversGeneration: -1 };
    for (let n = 0; n < Math.min(1000, count); n++)
      yield { t: 'conversation', v: closedConversation(n) };
    for (let i = 0; i < count; i++) yield { t: 'message', v: storedMessage(i) };
  }
  const path = join(folder, 'records.jsonl');
  await rewriteJsonLines(path, lines());
  return (await stat(path)).size;
}

interface Restart {
  loadMs: number;
  loadCpuMs: number;
  readyMs: number;
  readyCpuMs: number;
  compactCpuMs: number;
  rss: number;
  peakRss: number;
  compactMs: number;
}

function restart(folder: string): Promise<Restart> {
  const script = fileURLToPath(new URL('../servers/channel-restart.ts', import.meta.url));
  const child = fork(script, [folder], {
    execArgv: ['--import', 'tsx', '--max-old-space-size=8192'],
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as Restart));
    child.once('exit', (code) => reject(new Error(`restart process exited with ${code}`)));
  });
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export async function run(): Promise<void> {
  console.log(
    'channel restart on stored history (1 000 closed conversations), each in its own process; aim at 1 M: < 3 s, RSS < 300 MB',
  );
  for (const count of SIZES) {
    const folder = await mkdtemp(join(tmpdir(), 'bench-scale-'));
    try {
      const bytes = await prefill(folder, count);
      const r = await restart(folder);
      console.log(
        `${String(count).padStart(9)} messages (${mb(bytes)} on disk): ready in ${s(r.readyMs)} wall / ${s(r.readyCpuMs)} CPU (store ${s(r.loadMs)} / ${s(r.loadCpuMs)}), RSS ${mb(r.rss)} (peak ${mb(r.peakRss)}); streamed compaction ${s(r.compactMs)} / ${s(r.compactCpuMs)} CPU   before issue 12: ${BEFORE[count] ?? 'not measured'}`,
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
  console.log(
    'before issue 12, compaction built one string of the whole history and threw past ~1.7 M messages',
  );
}
