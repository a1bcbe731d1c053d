import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A team's own scenarios, outside scenarios/conformance: one good, one broken, one known failure.
const team = mkdtempSync(join(tmpdir(), 'team-scenarios-'));
const write = (path: string, text: string) => {
  mkdirSync(join(team, path, '..'), { recursive: true });
  writeFileSync(join(team, path), text);
};
write(
  'myfolder/good.yaml',
  'name: our first contact\ntags: [R-CV-2]\nsteps:\n  - text: { from: bruno, to: support, text: hi, as: c1 }\n  - expect: { conversation: c1, state: open }\n',
);
write(
  'myfolder/broken.yaml',
  'name: our refusal\ntags: [R-MSG-2]\nsteps:\n  - text: { from: bruno, to: support, text: hi, as: c1 }\n  - expect: { conversation: c9 }\n',
);
write(
  'other/known.yaml',
  'name: a rule we break\ntags: [R-CV-1]\nknown-failure: shows it.fails\nsteps:\n  - text: { from: bruno, to: support, text: hi, as: c1 }\n  - expect: { conversation: c1, state: closed }\n',
);
afterAll(() => rmSync(team, { recursive: true, force: true }));

const conformance = (...args: string[]) => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bin/conformance.ts', ...args], {
    cwd: resolve(import.meta.dirname, '..'),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
};

describe('npm run conformance -- <folder>', () => {
  it('runs a folder of scenarios from anywhere and fails on the file that does not load, whatever the filter', () => {
    const { status, out } = conformance(team, '-t', 'R-MSG-2', '--reporter=verbose');
    expect(status).toBe(1);
    expect(out).toMatch(/× .*myfolder: our refusal \[R-MSG-2\] \(does not load: /);
    expect(out).toContain('no conversation "c9"');
    expect(out).toMatch(/Tests\s+1 failed \| 2 skipped/);
  }, 60_000);

  it('passes good scenarios, expects known failures to fail, and deals files to shards', () => {
    const first = conformance(team, '-t', 'first contact|rule we break', '--shard=1/2');
    const second = conformance(team, '-t', 'first contact|rule we break', '--shard=2/2');
    expect(first.out).toMatch(/Tests\s+1 expected fail \| 1 skipped/);
    expect(first.status).toBe(0);
    expect(second.out).toMatch(/Tests\s+1 passed \(1\)/);
    expect(second.status).toBe(0);
  }, 90_000);
});
