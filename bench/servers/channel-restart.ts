// One channel restart in its own process, so its RSS is the restart's alone: opens the data folder
// given, reports the time to ready and memory, reads from history (a transcript, reference
// lookups), then the time of a (streamed) compaction.
import { performance } from 'node:perf_hooks';
import { createStore } from '../../channel/adapters/store';
import { openChannel } from '../../channel/index';
import { storedReference } from '../suites/channel-history';

const folder = process.argv[2] ?? '';
const stored = Number(process.argv[3] ?? 0);
/** CPU time of this process so far: on a shared machine, steadier than wall time. */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
/** Node, tsx and the modules: paid before the store is touched. */
const importCpuMs = cpuMs();
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

// Reads that history serves from disk: one closed conversation's transcript, and TeleSign
// reference lookups (a late delivery report, a repeated inbound SMS) spread over the history.
let transcriptMs = 0;
let transcriptLength = 0;
let lookupUs = 0;
let found = 0;
if (stored > 0) {
  const t0 = performance.now();
  transcriptLength = channel.service.getConversation('cv_bench_7').messages.length;
  transcriptMs = performance.now() - t0;
  const lookups = 1000;
  const t1 = performance.now();
  for (let n = 0; n < lookups; n++) {
    const i = Math.floor((n * stored) / lookups);
    if (store.messageByReference(storedReference(i))?.id === `msg_bench_${i}`) found++;
  }
  lookupUs = ((performance.now() - t1) * 1000) / lookups;
}
// The inbound events list: its newest page, and a page filtered by a reference (a full scan).
const t2 = performance.now();
channel.service.findInboundEvents({ limit: 50 });
const pageMs = performance.now() - t2;
const t3 = performance.now();
channel.service.findInboundEvents({ referenceId: storedReference(Math.floor(stored / 2)) });
const filteredPageMs = performance.now() - t3;
// The conversations list: its newest page (every stored conversation's columns are scanned).
const t4 = performance.now();
channel.service.findConversations({ limit: 50 });
const conversationsPageMs = performance.now() - t4;

const compacting = performance.now();
const beforeCompaction = cpuMs();
await store.compact();
const compactMs = performance.now() - compacting;
const compactCpuMs = cpuMs() - beforeCompaction;
await channel.close();
process.send?.({
  importCpuMs,
  loadMs,
  loadCpuMs,
  readyMs,
  readyCpuMs,
  compactCpuMs,
  rss,
  compactMs,
  transcriptMs,
  transcriptLength,
  lookupUs,
  found,
  pageMs,
  filteredPageMs,
  conversationsPageMs,
  // ru_maxrss is in kilobytes on Linux.
  peakRss: process.resourceUsage().maxRSS * 1024,
});
