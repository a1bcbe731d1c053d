// One channel restart in its own process, so its RSS is the restart's alone: opens the data folder
// given, reports the time to ready and memory, then the time of a (streamed) compaction.
import { performance } from 'node:perf_hooks';
import { createStore } from '../../channel/adapters/store';
import { openChannel } from '../../channel/index';

const folder = process.argv[2] ?? '';
/** CPU time of this process so far: on a shared machine, steadier than wall time. */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const started = performance.now();
const store = createStore({ folder, compactOnLoadAfter: Number.POSITIVE_INFINITY });
await store.load();
const loadMs = performance.now() - started;
const loadCpuMs = cpuMs();
const channel = await openChannel({
  telesignUrl: 'http://127.0.0.1:9',
  store,
  sweepIntervalMs: 0,
});
const readyMs = performance.now() - started;
const readyCpuMs = cpuMs();
const rss = process.memoryUsage().rss;
const compacting = performance.now();
await store.compact();
const compactMs = performance.now() - compacting;
const compactCpuMs = cpuMs() - readyCpuMs;
await channel.close();
process.send?.({
  loadMs,
  loadCpuMs,
  readyMs,
  readyCpuMs,
  compactCpuMs,
  rss,
  compactMs,
  // ru_maxrss is in kilobytes on Linux.
  peakRss: process.resourceUsage().maxRSS * 1024,
});
