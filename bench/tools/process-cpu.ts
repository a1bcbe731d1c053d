// CPU a process (or a tree of processes) has used, read from /proc: what a bench row cost the sim
// running in its own process, and the browser beside it (Linux; clock ticks of 10 ms).
import { readdir, readFile } from 'node:fs/promises';

/** The fields of `/proc/<pid>/stat` after the command name; empty when the process is gone. */
async function statFields(pid: number | string): Promise<{ name: string; fields: string[] }> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const close = stat.lastIndexOf(')');
  return {
    name: stat.slice(stat.indexOf('(') + 1, close),
    fields: close < 0 ? [] : stat.slice(close + 2).split(' '),
  };
}

const cpuMicros = (fields: string[]): number =>
  (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 10_000;

/** CPU microseconds (user + system) a process has used. */
export async function processCpu(pid: number): Promise<number> {
  return cpuMicros((await statFields(pid)).fields);
}

/** CPU microseconds of every process below `ancestor` whose name matches `name` (e.g. Chromium). */
export async function descendantsCpu(ancestor: number, name: RegExp): Promise<number> {
  let total = 0;
  for (const micros of (await descendantsCpuByType(ancestor, name)).values()) total += micros;
  return total;
}

/**
 * The same, by each process's `--type=` flag (Chromium's renderer, gpu-process, utility; `main` for
 * a process without one): which of the browser's processes the CPU went to.
 */
export async function descendantsCpuByType(
  ancestor: number,
  name: RegExp,
): Promise<Map<string, number>> {
  const pids = (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry));
  const stats = await Promise.all(pids.map(async (pid) => ({ pid, ...(await statFields(pid)) })));
  const parent = new Map(stats.map((s) => [Number(s.pid), Number(s.fields[1])]));
  const below = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p))
      if (p === ancestor) return true;
    return false;
  };
  const byType = new Map<string, number>();
  for (const s of stats) {
    if (s.fields.length === 0 || !name.test(s.name) || !below(Number(s.pid))) continue;
    const cmdline = await readFile(`/proc/${s.pid}/cmdline`, 'utf8').catch(() => '');
    const type = /--type=([\w-]+)/.exec(cmdline)?.[1] ?? 'main';
    byType.set(type, (byType.get(type) ?? 0) + cpuMicros(s.fields));
  }
  return byType;
}

/**
 * CPU microseconds the hypervisor gave other guests while this machine wanted it (`steal` in
 * `/proc/stat`): a row with steal ran on a slower machine than its peers.
 */
export async function machineSteal(): Promise<number> {
  const line = (await readFile('/proc/stat', 'utf8').catch(() => '')).split('\n')[0] ?? '';
  return Number(line.trim().split(/\s+/)[8] ?? 0) * 10_000;
}
