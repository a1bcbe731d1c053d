// Profiles one telesign bench target under wrk: `tsx bench/tools/profile-telesign.ts [mode] [seconds]`
// writes a V8 CPU profile (open it in Chrome DevTools) to bench/.profiles/ after a warm-up.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { load, type Mode, startTarget } from '../suites/telesign';

const mode = (process.argv[2] ?? 'fake') as Mode;
const seconds = Number(process.argv[3] ?? 8);
const out = resolve('bench/.profiles');
const dir = await mkdtemp(join(tmpdir(), 'profile-telesign-'));
const target = await startTarget(mode, ['--cpu-prof', `--cpu-prof-dir=${out}`]);
try {
  await load(target, 2, dir);
  const f = await load(target, seconds, dir);
  console.log(
    `${mode}: ${f.perSecond.toFixed(0)} req/s, server CPU ${f.cpuPerRequest.toFixed(0)} µs/req (${f.requests} requests, ${f.failed} failed); profile in ${out}`,
  );
} finally {
  await target.stop();
  await rm(dir, { recursive: true, force: true });
}
