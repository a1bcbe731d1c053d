import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Check } from './checks';
import { BACKGROUND_PRIORITY, runChecks, scriptPath } from './run-checks';

const dir = mkdtempSync(join(tmpdir(), 'run-checks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tsc = (name: string, args: string[]): Check => ({
  name,
  group: 'typecheck',
  script: 'typescript/bin/tsc',
  args,
});

describe('runChecks', () => {
  it('finds a scoped and an unscoped package script in node_modules', () => {
    expect(scriptPath('@biomejs/biome/bin/biome')).toMatch(
      /node_modules\/@biomejs\/biome\/bin\/biome$/,
    );
    expect(scriptPath('typescript/bin/tsc')).toMatch(/node_modules\/typescript\/bin\/tsc$/);
  });

  it('runs checks side by side and reports each exit status with its output', async () => {
    const ended: string[] = [];
    const outcomes = await runChecks(
      [tsc('passes', ['--version']), tsc('fails', ['--no-such-flag'])],
      { onEnd: (outcome) => ended.push(outcome.name) },
    );
    expect(ended.sort()).toEqual(['fails', 'passes']);
    const [passes, fails] = outcomes;
    expect(passes?.status).toBe(0);
    expect(passes?.output).toMatch(/Version \d/);
    expect(fails?.status).not.toBe(0);
    expect(fails?.output).toContain('no-such-flag');
  }, 20_000);

  it('runs the checks that are not live below the normal priority, so the tests keep the CPU', async () => {
    const script = join(dir, 'priority.mjs');
    writeFileSync(script, "import { getPriority } from 'node:os'; console.log(getPriority());\n");
    const [outcome] = await runChecks([{ name: 'nice', group: 'lint', script, args: [] }]);
    // A parent already nicer than that keeps its own priority (lowering niceness is not allowed).
    expect(Number(outcome?.output.trim())).toBe(Math.max(BACKGROUND_PRIORITY, getPriority()));
  });
});
