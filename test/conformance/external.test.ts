// Scenario files from anywhere (`npm run conformance -- <files or folders>`, see bin/conformance.ts):
// one test per file, titled by its folder under the path given, like the built-in suite.
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { it } from 'vitest';
import { shardOf } from '../../bin/conformance/args';
import { findScenarioFiles } from '../../scenarios/engine/load-scenario';
import { defineScenarioTests } from './define-suite';

const paths: string[] = JSON.parse(process.env.SCENARIO_PATHS ?? '[]');
if (paths.length === 0) throw new Error('SCENARIO_PATHS names no scenario files or folders');
const all = paths.flatMap((path) => {
  const root = statSync(path).isDirectory() ? path : dirname(path);
  return findScenarioFiles([path]).map((file) => ({ file, root, area: basename(root) }));
});
if (all.length === 0)
  throw new Error(`no scenario files (.yaml, .yml, .json) in ${paths.join(', ')}`);
const mine = shardOf(all, process.env.SCENARIO_SHARD);
for (const { file, root, area } of mine) defineScenarioTests(area, [file], root);
if (mine.length === 0) it.skip(`shard ${process.env.SCENARIO_SHARD}: no scenario file falls here`);
