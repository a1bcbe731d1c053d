// Runs checks side by side as child processes: on two cores the single-threaded type checker no
// longer holds a core while the other waits, and vitest's browser tests (mostly waiting on
// Chromium) leave room for it. Each check's output is shown whole once it ends (vitest's live).
// The checks that are not live run at a lower priority: they take the CPU the tests leave idle,
// so the tests (and their timeouts) see no more contention than when they ran alone.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Check } from './checks';

export interface CheckOutcome {
  name: string;
  /** Exit status; null when killed by a signal. */
  status: number | null;
  wallMs: number;
  output: string;
}

const require = createRequire(import.meta.url);

/** `nice 10`: below the tests, above nothing else. */
export const BACKGROUND_PRIORITY = 10;

/** The file of `script` (`package/path`) as installed in node_modules, or an absolute path as is. */
export function scriptPath(script: string): string {
  if (isAbsolute(script)) return script;
  const [scope, name, ...rest] = script.split('/');
  const pkg = scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? '');
  const inner = scope?.startsWith('@') ? rest : [name ?? '', ...rest];
  return join(require.resolve(`${pkg}/package.json`).replace(/package\.json$/, ''), ...inner);
}

function runOne(check: Check, extraArgs: string[], cwd: string): Promise<CheckOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [scriptPath(check.script), ...check.args, ...extraArgs], {
      cwd,
      stdio: check.live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    if (!check.live && child.pid !== undefined) {
      try {
        setPriority(child.pid, BACKGROUND_PRIORITY);
      } catch {
        // Not allowed here: the check runs at the normal priority.
      }
    }
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const done = (status: number | null) =>
      resolve({ name: check.name, status, wallMs: performance.now() - started, output });
    child.once('error', (error) => {
      output += `${error.message}\n`;
      done(1);
    });
    child.once('close', (code) => done(code));
  });
}

/**
 * Starts every check at once and resolves when all have ended. `extraArgs` go to the live check
 * (vitest), so `npm test -- <filter>` still narrows the tests. `onEnd` sees each as it ends.
 */
export function runChecks(
  checks: readonly Check[],
  options: {
    extraArgs?: string[];
    cwd?: string;
    onEnd?: (outcome: CheckOutcome, check: Check) => void;
  } = {},
): Promise<CheckOutcome[]> {
  const cwd = options.cwd ?? process.cwd();
  return Promise.all(
    checks.map(async (check) => {
      const outcome = await runOne(check, check.live ? (options.extraArgs ?? []) : [], cwd);
      options.onEnd?.(outcome, check);
      return outcome;
    }),
  );
}
