// `npm test` (every check) and `npm run typecheck` (`-- --only typecheck`): type checks, lint and
// vitest side by side; exits 1 if any fails. Arguments after the options go to vitest.
import { CHECKS, type Check } from './check/checks';
import { childrenCpuMs, ownCpuMs } from './check/cpu-time';
import { type CheckOutcome, runChecks } from './check/run-checks';

const argv = process.argv.slice(2);
let groups: string[] | undefined;
if (argv[0] === '--only') {
  groups = (argv[1] ?? '').split(',');
  argv.splice(0, 2);
}
const checks = CHECKS.filter((check) => !groups || groups.includes(check.group));
if (checks.length === 0) {
  console.error(`no check in group(s) ${groups?.join(', ')}; known: typecheck, lint, vitest`);
  process.exit(2);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const started = performance.now();
const cpuBefore = childrenCpuMs();

const report = (outcome: CheckOutcome, check: Check) => {
  if (check.live) return;
  if (outcome.status === 0) console.log(`✓ ${outcome.name} (${seconds(outcome.wallMs)})`);
  else {
    process.stdout.write(outcome.output);
    console.log(`✗ ${outcome.name} failed (exit ${outcome.status})`);
  }
};

const outcomes = await runChecks(checks, { extraArgs: argv, onEnd: report });
const failed = outcomes.filter((o) => o.status !== 0);
const cpuAfter = childrenCpuMs();
const cpu =
  cpuBefore === undefined || cpuAfter === undefined
    ? ''
    : `, CPU ${seconds(cpuAfter - cpuBefore + ownCpuMs())} (user + system, every process)`;
console.log(
  `\n${outcomes.map((o) => `${o.status === 0 ? '✓' : '✗'} ${o.name} ${seconds(o.wallMs)}`).join(' · ')}`,
);
console.log(
  `${failed.length === 0 ? 'all checks passed' : `FAILED: ${failed.map((o) => o.name).join(', ')}`} — wall ${seconds(performance.now() - started)}${cpu}`,
);
process.exit(failed.length === 0 ? 0 : 1);
