// `npm run sim` as a child process on free ports: start it, wait for its `Ready.` line, read the banner, stop it.
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface Started {
  child: ChildProcess;
  output: () => string;
  readyMs: number;
  banner: {
    telesignUrl: string;
    channelUrl: string;
    customerId: string;
    apiKey: string;
    supportNumber: string;
  };
}

function field(text: string, label: string): string {
  const match = new RegExp(`${label}\\s+(\\S+)`).exec(text);
  if (!match?.[1]) throw new Error(`no "${label}" in:\n${text}`);
  return match[1];
}

/**
 * Starts `bin/sim.ts` in its own node process and resolves at its `Ready.` line. `extra` flags go
 * after the defaults (e.g. `['--clock', 'manual']`); `nodeArgs` go to node itself (a bench's
 * `--cpu-prof`).
 */
export function startSim(
  dataDir: string,
  extra: readonly string[] = [],
  nodeArgs: readonly string[] = [],
): Promise<Started> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      '--import',
      'tsx',
      'bin/sim.ts',
      '--telesign-port',
      '0',
      '--channel-port',
      '0',
      '--data',
      dataDir,
      ...extra,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no Ready. line within 30 s:\n${out}`)),
      30_000,
    );
    const check = () => {
      if (!/^Ready\.$/m.test(out)) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolveStart({
        child,
        output: () => out,
        readyMs: Math.round(performance.now() - started),
        banner: {
          telesignUrl: field(out, 'Fake TeleSign'),
          channelUrl: field(out, 'Console').replace(/\/$/, ''),
          customerId: field(out, 'TeleSign customer'),
          apiKey: field(out, 'TeleSign API key'),
          supportNumber: field(out, 'Support number'),
        },
      });
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) =>
      reject(new Error(`sim exited with ${code} before ready:\n${out}`)),
    );
  });
}

export function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolveStop) => {
    child.once('exit', (code) => resolveStop(code));
    child.kill('SIGINT');
  });
}
