// Time to ready of `npm run sim`: a fresh data folder (seeding) and a restart on it, as a user sees it.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const name = 'startup';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** Starts the sim, waits for `Ready.`, stops it; returns wall ms and the process's own figure. */
function startOnce(dataDir: string): Promise<{ wallMs: number; ownMs: number }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'bin/sim.ts',
      '--telesign-port',
      '0',
      '--channel-port',
      '0',
      '--data',
      dataDir,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let out = '';
  return new Promise((resolveRun, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!/^Ready\.$/m.test(out)) return;
      const wallMs = Math.round(performance.now() - started);
      const ownMs = Number(/Started in (\d+) ms/.exec(out)?.[1] ?? Number.NaN);
      child.once('exit', () => resolveRun({ wallMs, ownMs }));
      child.kill('SIGTERM');
    });
    child.once('error', reject);
  });
}

export async function run(): Promise<void> {
  const rows: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const dataDir = await mkdtemp(join(tmpdir(), 'bench-startup-'));
    try {
      const first = await startOnce(dataDir);
      const again = await startOnce(dataDir);
      rows.push(
        `round ${round}: first start (seeding) ${first.wallMs} ms wall / ${first.ownMs} ms in-process; restart ${again.wallMs} ms wall / ${again.ownMs} ms in-process`,
      );
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  for (const row of rows) console.log(row);
  console.log('aim: ready within 3 000 ms of starting');
}
