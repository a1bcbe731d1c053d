// Splits `npm run conformance -- …` arguments: scenario files and folders (run from anywhere) on one
// side, everything vitest understands (filters, reporters, shards) on the other.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** vitest options whose value may come as the next argument (`-t R-MSG-2`, `--reporter junit`). */
const TAKES_VALUE = new Set([
  '-t',
  '--testNamePattern',
  '--reporter',
  '--outputFile',
  '--shard',
  '--project',
  '-c',
  '--config',
  '--root',
  '-r',
  '--dir',
  '--maxConcurrency',
  '--maxWorkers',
  '--testTimeout',
  '--bail',
  '--retry',
  '--sequence.seed',
]);

export interface ConformanceArgs {
  /** Scenario files and folders given on the command line (absolute). */
  scenarios: string[];
  /** `--shard=i/n`, taken out of the vitest arguments when scenarios are given. */
  shard: string | undefined;
  /** Everything else, for vitest. */
  vitest: string[];
}

const isScenarioPath = (arg: string, cwd: string): boolean => {
  const path = resolve(cwd, arg);
  if (!existsSync(path)) return false;
  return statSync(path).isDirectory() || /\.(ya?ml|json)$/.test(arg);
};

export function splitArgs(argv: readonly string[], cwd = process.cwd()): ConformanceArgs {
  const scenarios: string[] = [];
  const vitest: string[] = [];
  let shard: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith('-')) {
      const [flag] = arg.split('=', 1);
      const inline = arg.includes('=');
      const value = !inline && TAKES_VALUE.has(flag as string) ? argv[i + 1] : undefined;
      if (flag === '--shard') {
        shard = inline ? arg.slice('--shard='.length) : value;
      } else {
        vitest.push(arg);
        if (value !== undefined) vitest.push(value);
      }
      if (value !== undefined) i++;
    } else if (isScenarioPath(arg, cwd)) scenarios.push(resolve(cwd, arg));
    else vitest.push(arg);
  }
  if (shard !== undefined && scenarios.length === 0) vitest.push(`--shard=${shard}`);
  return { scenarios, shard: scenarios.length > 0 ? shard : undefined, vitest };
}

/** The files of shard `i/n` (1-based), dealt round-robin so every shard gets a share of each area. */
export function shardOf<T>(items: readonly T[], shard: string | undefined): T[] {
  if (!shard) return [...items];
  const match = /^(\d+)\/(\d+)$/.exec(shard);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count)
    throw new Error(`--shard=${shard}: write --shard=<index>/<count>, e.g. --shard=1/3`);
  return items.filter((_, i) => i % count === index - 1);
}
