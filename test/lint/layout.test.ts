// The linter keeps the layout's promises (biome.json overrides): channel/domain is pure (no hono,
// lowdb or node: imports, no clock, timers, process or crypto globals, no Math.random:
// lint/no-math-random.grit), and simulator/ and channel/ never import each other.
import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIOME = join(ROOT, 'node_modules', '.bin', 'biome');

/** Lints `source` as a file of `folder`; returns biome's exit code and its diagnostics. */
async function lintAs(folder: string, source: string): Promise<{ code: number; output: string }> {
  const file = join(folder, `zz-purity-probe-${process.pid}.ts`);
  await writeFile(join(ROOT, file), source);
  try {
    await promisify(execFile)(BIOME, ['lint', '--colors=off', file], { cwd: ROOT });
    return { code: 0, output: '' };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  } finally {
    await rm(join(ROOT, file), { force: true });
  }
}

const IMPURE = `import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
export const impure = [readFileSync, Hono, Low, JSONFile, Date.now(), Math.random(), setTimeout];
`;

describe('channel/domain purity (lint)', () => {
  it('refuses node:, hono and lowdb imports, Date, timers and Math.random in channel/domain', async () => {
    const { code, output } = await lintAs('channel/domain', IMPURE);
    expect(code).not.toBe(0);
    expect(output.match(/noRestrictedImports/g)).toHaveLength(4);
    expect(output).toMatch(/global variable Date/);
    expect(output).toMatch(/global variable setTimeout/);
    expect(output).toMatch(/take randomness as an argument/);
  });

  it('accepts plain computation there (Math.round is not Math.random)', async () => {
    const { code, output } = await lintAs('channel/domain', 'export const x = Math.round(1.5);\n');
    expect(output).toBe('');
    expect(code).toBe(0);
  });

  it('leaves the other folders alone', async () => {
    expect((await lintAs('channel/service', IMPURE)).output).not.toMatch(/channel\/domain is pure/);
  });
});

describe('simulator/ and channel/ (lint)', () => {
  it('refuses the channel in simulator/ and the fake TeleSign in channel/, domain included', async () => {
    const probe = (from: string) => `import * as other from '${from}';\nexport const x = other;\n`;
    expect((await lintAs('simulator', probe('../channel/index'))).output).toMatch(
      /simulator\/ never imports the channel/,
    );
    expect((await lintAs('channel/http', probe('../../simulator/index'))).output).toMatch(
      /channel\/ never imports the fake TeleSign/,
    );
    expect((await lintAs('channel/domain', probe('../../simulator/index'))).output).toMatch(
      /channel\/ never imports the fake TeleSign/,
    );
  });

  it('refuses an adapter in channel/service: the ports point one way', async () => {
    const probe = `import { createStore } from '../adapters/store';\nexport const x = createStore;\n`;
    expect((await lintAs('channel/service', probe)).output).toMatch(/Ports point one way/);
    expect((await lintAs('channel/service', probe)).output).not.toMatch(/never imports the fake/);
  });
});
