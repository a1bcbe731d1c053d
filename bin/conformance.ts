// `npm run conformance -- [scenario files or folders] [vitest options]`: the conformance suite under
// vitest. With no scenario paths it runs scenarios/conformance (vitest project `conformance`); with
// paths it runs those files instead, through test/conformance/external.test.ts, with the same
// reporters, `-t` filters, `--shard` and known-failure handling.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { splitArgs } from './conformance/args';

const args = splitArgs(process.argv.slice(2));
const vitestCli = join(
  dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
);
const env = { ...process.env };
const files: string[] = [];
if (args.scenarios.length > 0) {
  env.SCENARIO_PATHS = JSON.stringify(args.scenarios);
  if (args.shard) env.SCENARIO_SHARD = args.shard;
  files.push('test/conformance/external.test.ts');
}
const run = spawnSync(
  process.execPath,
  [vitestCli, 'run', '--project', 'conformance', ...files, ...args.vitest],
  { stdio: 'inherit', env },
);
process.exit(run.status ?? 1);
