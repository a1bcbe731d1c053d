// Restart of the channel on a large stored history, each in its own process: first the open of a
// folder written before history segments (it moves closed conversations' messages to disk once),
// then the restart the goal is about, its reads from history, and a compaction.
// Two shapes of history: issue 12 part B's (1 000 messages per conversation, no inbound events) and
// a likelier one (10 messages per conversation, each message with the inbound SMS event it came
// with). BENCH_SCALE_MESSAGES (100000,1000000), BENCH_SCALE_SHAPES (1000:0,10:1 = messages per
// conversation : inbound events per message).
import { fork } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rewriteJsonLines } from '../../lib/json-lines';
import { closedConversation, storedInboundEvent, storedMessage } from './channel-history';

export const name = 'scale';

const SIZES = (process.env.BENCH_SCALE_MESSAGES ?? '100000,1000000').split(',').map(Number);
const SHAPES = (process.env.BENCH_SCALE_SHAPES ?? '1000:0,10:1').split(',').map((shape) => {
  const [perConversation = 1000, events = 0] = shape.split(':').map(Number);
  return { perConversation, events };
});
type Shape = (typeof SHAPES)[number];
/** Issue 12's figures for the code before it (records.json, all history in memory). */
const BEFORE: Record<number, string> = {
  10000: '1.2 s',
  100000: '1.8 s',
  1000000: '9.6 s first, 4.4 s later; 1.07 GB RSS, peak 1.7 GB',
};
/** Issue 12 part B (records.jsonl, all history still parsed and held), CPU time under load. */
const PART_B: Record<number, string> = {
  1000000: '4.89 s CPU, RSS 519 MB',
  2000000: '9.8 s CPU, RSS 770 MB',
};

/** The snapshot (schema 2, before history segments) of `count` messages over closed conversations. */
async function prefill(folder: string, count: number, shape: Shape): Promise<void> {
  const conversations = Math.max(1, Math.ceil(count / shape.perConversation));
  function* lines() {
    yield { schemaVersion: 2, coversGeneration: -1 };
    for (let n = 0; n < conversations; n++) yield { t: 'conversation', v: closedConversation(n) };
    for (let i = 0; i < count; i++) yield { t: 'message', v: storedMessage(i, conversations) };
    if (shape.events > 0)
      for (let i = 0; i < count; i++)
        yield { t: 'inbound', v: storedInboundEvent(i, conversations) };
  }
  await rewriteJsonLines(join(folder, 'records.jsonl'), lines());
}

async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(folder)) total += (await stat(join(folder, name))).size;
  return total;
}

interface Restart {
  importCpuMs: number;
  loadMs: number;
  loadCpuMs: number;
  readyMs: number;
  readyCpuMs: number;
  compactCpuMs: number;
  rss: number;
  peakRss: number;
  compactMs: number;
  transcriptMs: number;
  transcriptLength: number;
  lookupUs: number;
  pageMs: number;
  filteredPageMs: number;
  conversationsPageMs: number;
  found: number;
}

function restart(folder: string, stored: number): Promise<Restart> {
  const script = fileURLToPath(new URL('../servers/channel-restart.ts', import.meta.url));
  const child = fork(script, [folder, String(stored)], {
    execArgv: ['--import', 'tsx', '--max-old-space-size=8192'],
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as Restart));
    child.once('exit', (code) => reject(new Error(`restart process exited with ${code}`)));
  });
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export async function run(): Promise<void> {
  console.log(
    'channel restart on stored history, each in its own process; aim at 1 M messages: < 3 s, RSS < 300 MB',
  );
  for (const shape of SHAPES) {
    console.log(
      `${shape.perConversation} messages per closed conversation, ${shape.events} inbound event(s) per message:`,
    );
    for (const count of SIZES) await measure(count, shape);
  }
}

async function measure(count: number, shape: Shape): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'bench-scale-'));
  try {
    await prefill(folder, count, shape);
    const before = await folderBytes(folder);
    const first = await restart(folder, 0);
    console.log(
      `${String(count).padStart(9)} messages (${mb(before)} on disk, written before history segments): first open moves them to history in ${s(first.loadMs)} / ${s(first.loadCpuMs)} CPU, peak RSS ${mb(first.peakRss)}`,
    );
    const r = await restart(folder, count);
    const pages = `; newest page of conversations ${r.conversationsPageMs.toFixed(0)} ms${
      shape.events > 0
        ? `; inbound events: newest page ${r.pageMs.toFixed(0)} ms, by reference ${r.filteredPageMs.toFixed(0)} ms`
        : ''
    }`;
    console.log(
      `${' '.repeat(9)} restart (${mb(await folderBytes(folder))} on disk): ready in ${s(r.readyMs)} wall / ${s(r.readyCpuMs)} CPU (of which starting node and loading modules ${s(r.importCpuMs)}; store ${s(r.loadMs)} / ${s(r.loadCpuMs)}), RSS ${mb(r.rss)} (peak ${mb(r.peakRss)}); transcript of ${r.transcriptLength} messages from history ${r.transcriptMs.toFixed(1)} ms; reference lookup ${r.lookupUs.toFixed(0)} µs (${r.found}/1000 found)${pages}; compaction ${s(r.compactMs)} / ${s(r.compactCpuMs)} CPU`,
    );
    if (shape.perConversation === 1000)
      console.log(
        `${' '.repeat(9)} part B: ${PART_B[count] ?? 'not measured'}; before issue 12: ${BEFORE[count] ?? 'not measured'}`,
      );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
