// Wall and CPU (user + system, every process) of `npm run conformance` and `npm test`, beside a
// peer measured in the same run: vitest starting on one tiny test file (the runner's fixed cost).
// `BENCH_TESTS=conformance` (or `test`, `peer`) picks runs; `BENCH_ROUNDS` repeats them. The
// type checker's and vitest's caches are removed before each run, as on a clean CI machine
// (`BENCH_WARM=1` keeps them: a developer's second run). Wall time depends on what else the
// machine runs: the load average is printed.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { childrenCpuMs } from '../../bin/check/cpu-time';
import { scriptPath } from '../../bin/check/run-checks';

export const name = 'tests';

const ROOT = resolve(import.meta.dirname, '../..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const PICK = (process.env.BENCH_TESTS ?? 'peer,conformance,test').split(',');

/** Kept between runs by tsc (`npm run typecheck`) and vitest (`experimental.fsModuleCache`). */
const CACHES = ['node_modules/.cache/tsc', 'node_modules/.experimental-vitest-cache'];

interface Run {
  label: string;
  goalMs?: number;
  args: string[];
}

const RUNS: Record<string, Run> = {
  peer: {
    label: 'peer: vitest on one tiny test file',
    args: [scriptPath('vitest/vitest.mjs'), 'run', 'bin/check/cpu-time.test.ts'],
  },
  conformance: {
    label: 'npm run conformance',
    goalMs: 4_000,
    args: ['--import', 'tsx', 'bin/conformance.ts'],
  },
  test: { label: 'npm test', goalMs: 45_000, args: ['--import', 'tsx', 'bin/check.ts'] },
};

interface Measured {
  wallMs: number;
  cpuMs: number | undefined;
  status: number | null;
}

function measure(args: string[]): Promise<Measured> {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    child.once('close', (status) => {
      const cpuAfter = childrenCpuMs();
      done({
        wallMs: performance.now() - started,
        cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
        status,
      });
    });
  });
}

const s = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
const load = () => loadavg()[0]?.toFixed(1) ?? '?';

export async function run(): Promise<void> {
  const cores = availableParallelism();
  console.log(
    `${cores} cores; ${process.env.BENCH_WARM ? 'caches kept' : 'caches cleared first (as on CI)'}; wall needs a quiet machine (load average below 1), CPU does not`,
  );
  for (let round = 1; round <= ROUNDS; round++) {
    let peer: Measured | undefined;
    for (const key of PICK) {
      const spec = RUNS[key];
      if (!spec) throw new Error(`BENCH_TESTS: no run "${key}" (known: ${Object.keys(RUNS)})`);
      if (!process.env.BENCH_WARM)
        for (const cache of CACHES)
          await rm(resolve(ROOT, cache), { recursive: true, force: true });
      const loadBefore = load();
      const m = await measure(spec.args);
      if (key === 'peer') peer = m;
      const parts = [
        `round ${round}: ${spec.label}: wall ${s(m.wallMs)}, CPU ${s(m.cpuMs)}`,
        m.cpuMs === undefined ? '' : `(CPU / ${cores} cores = ${s(m.cpuMs / cores)})`,
        `load ${loadBefore} → ${load()}`,
        m.status === 0 ? 'passed' : `FAILED (exit ${m.status})`,
        spec.goalMs ? `goal ≤ ${s(spec.goalMs)} wall` : '',
        peer && key !== 'peer' && peer.cpuMs && m.cpuMs
          ? `ratio to peer: wall ×${(m.wallMs / peer.wallMs).toFixed(1)}, CPU ×${(m.cpuMs / peer.cpuMs).toFixed(1)}`
          : '',
      ];
      console.log(parts.filter(Boolean).join('; '));
    }
  }
}
