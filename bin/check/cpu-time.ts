// CPU time (user + system) of this process and of the children it has waited for, so a run's CPU can
// be printed beside its wall time. Children's time comes from /proc (Linux); elsewhere it is unknown.
import { readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports times in ticks of 1/100 s on every architecture it supports. */
const TICKS_PER_SECOND = 100;

/** `cutime + cstime` of /proc/self/stat in ms: CPU of every waited-for child and its waited-for children. */
export function childrenCpuMs(stat: () => string = () => readFileSync('/proc/self/stat', 'utf8')) {
  let text: string;
  try {
    text = stat();
  } catch {
    return undefined;
  }
  // Fields after the command name (which may hold spaces and parentheses): state is field 3.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const cutime = Number(fields[16 - 3]);
  const cstime = Number(fields[17 - 3]);
  if (!Number.isFinite(cutime) || !Number.isFinite(cstime)) return undefined;
  return ((cutime + cstime) * 1000) / TICKS_PER_SECOND;
}

/** CPU ms of this process (user + system). */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
