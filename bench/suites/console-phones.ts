// What one open Phones tab costs inbound throughput: `npm run sim` in its own process with 500
// handsets and a steady inbound load (handsets texting the pick line). Rows without a console tab
// and rows with one Phones tab open in Chromium alternate, so each tab row has peers measured just
// before and after it in the same run; the figure is the tab rows' throughput over their peers'.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startSim, stop } from '../../test/sim/sim-process';
import { descendantsCpuByType, machineSteal, processCpu } from '../tools/process-cpu';
import { agent, drive, type Figures, send } from './channel-load';

export const name = 'console-phones';

const HANDSETS = 500;
/**
 * Texts per row: ~5 s at this machine's rate, long enough for an open page to reach the pace it
 * keeps under a steady load (messages 2 s apart once the hub sees a flood, console/live/hub.ts).
 * A 2 000-text row (~1.8 s) measures mostly the first seconds after the page opened.
 */
const TOTAL = Number(process.env.BENCH_CONSOLE_MESSAGES ?? 6000);
/** Tab rows; each has a row without a tab before it, and one more comes after the last. */
const ROUNDS = Number(process.env.BENCH_CONSOLE_ROUNDS ?? 5);
const PICK_NUMBER = '14155550101';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** BENCH_CONSOLE_PATH=/admin (say): open another page instead of Phones, to bisect the cost. */
const PAGE_PATH = process.env.BENCH_CONSOLE_PATH;
/**
 * The Phones page searched for the texting handsets, so every card it shows (12, 4 or so in view)
 * is one the load texts: without the search it shows the world's own handsets first, which the load
 * never texts, and the row would measure a page with nothing to update.
 */
const PHONES_PATH = '/?q=1505555';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const chromiumCpu = () => descendantsCpuByType(process.pid, /^(chromium|chrome)/);
const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

const row = (f: Figures, peer?: number): string =>
  `${f.label.padEnd(50)} ${f.perSecond.toFixed(0).padStart(6)} msg/s${
    peer ? ` (${((f.perSecond / peer) * 100).toFixed(0)}% of its peers)` : ''
  }   p50 ${f.p50.toFixed(1).padStart(5)} ms   p99 ${f.p99.toFixed(1).padStart(6)} ms   sim CPU ${f.cpuMicros.toFixed(0).padStart(5)} µs/msg`;

/** Opens the page, waits for its stream and its first render, and says what opening cost. */
async function openTab(browser: Browser, url: string, simPid: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const before = await processCpu(simPid);
  await page.goto(url);
  if (!PAGE_PATH) await page.getByTestId('live-status').filter({ hasText: 'live' }).waitFor();
  // Opening is a one-off (the first render of 12 cards, the hub learning 500 handsets): let it
  // finish before the row, so the row measures the open tab alone.
  await page.waitForTimeout(1500);
  console.log(
    `  opening the page cost the sim ${((await processCpu(simPid)) - before) / 1000} ms of CPU (not in the row)`,
  );
  return page;
}

/** The renderer's own counters (ms spent on tasks, script, style, layout) around `during`. */
async function rendererTime<T>(page: Page, during: () => Promise<T>): Promise<[T, string]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () =>
    new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  const result = await during();
  const after = await metrics();
  const spent = (name: string) => ((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000;
  return [
    result,
    `the tab's renderer: task ${spent('TaskDuration').toFixed(0)} ms, script ${spent('ScriptDuration').toFixed(0)} ms, style ${spent('RecalcStyleDuration').toFixed(0)} ms, layout ${spent('LayoutDuration').toFixed(0)} ms (${spent('LayoutCount') / 1000} layouts)`,
  ];
}

export async function run(): Promise<Record<string, Figures>> {
  console.log(
    `npm run sim in its own process, ${HANDSETS} handsets, ${TOTAL} inbound texts per row, ${ROUNDS} tab rows between ${ROUNDS + 1} rows without; CPU from /proc`,
  );
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-console-'));
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the sim for the whole run (bench/tools/profile-summary.ts).
  const profile = process.env.BENCH_CPU_PROF;
  const sim = await startSim(
    dataDir,
    [],
    profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
  );
  const pid = sim.child.pid ?? 0;
  const { telesignUrl, channelUrl } = sim.banner;
  const phone = (i: number) => `1505555${String(i % HANDSETS).padStart(4, '0')}`;
  const text = (i: number) =>
    send(
      `${telesignUrl}/_sim/handsets/${phone(i)}/messages`,
      'POST',
      JSON.stringify({ to: PICK_NUMBER, text: `hello ${i}` }),
    ).then((r) => {
      if (r.status !== 201) throw new Error(`handset → ${r.status} ${r.text}`);
    });
  /** Each row's span on the monotonic clock the sim's CPU profile uses (µs), to slice it by row. */
  const windows: { label: string; start: number; end: number }[] = [];
  const now = () => Number(process.hrtime.bigint() / 1000n);
  const measured = async (
    label: string,
  ): Promise<Figures & { browserMicros: number; browserBy: string }> => {
    const [before, browserBefore, stealBefore] = await Promise.all([
      processCpu(pid),
      chromiumCpu(),
      machineSteal(),
    ]);
    const start = now();
    const figures = await drive(label, TOTAL, text);
    windows.push({ label, start, end: now() });
    const browserAfter = await chromiumCpu();
    const browserBy = [...browserAfter]
      .map(([type, micros]) => [type, (micros - (browserBefore.get(type) ?? 0)) / TOTAL] as const)
      .filter(([, micros]) => micros > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([type, micros]) => `${type} ${micros.toFixed(0)}`)
      .join(', ');
    const browserMicros = (sum(browserAfter) - sum(browserBefore)) / TOTAL;
    const cpuMicros = ((await processCpu(pid)) - before) / TOTAL;
    const stealMs = ((await machineSteal()) - stealBefore) / 1000;
    return {
      ...figures,
      label: `${figures.label} [steal ${stealMs} ms]`,
      cpuMicros,
      browserMicros,
      browserBy,
    };
  };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    // Every handset texts once, so the fake knows all 500 before the rows.
    await drive(`${HANDSETS} handsets text once`, HANDSETS, text);
    // A warm-up row, not measured: without it the first peer runs on colder code than the rows
    // after it (measured: ~25% slower).
    await drive('warm-up', TOTAL * 2, text);
    const peers: Figures[] = [];
    const tabs: Figures[] = [];
    /** Each tab row over the mean of the rows just before and after it. */
    const pairs: number[] = [];
    peers.push(await measured('inbound, no console tab'));
    console.log(row(peers[0] as Figures));
    for (let round = 1; round <= ROUNDS; round++) {
      const page = await openTab(browser, `${channelUrl}${PAGE_PATH ?? PHONES_PATH}`, pid);
      const started = Date.now();
      await page.evaluate(
        "document.addEventListener('console:refreshed', () => { document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes ?? 0) + 1); })",
      );
      const [withTab, renderer] = await rendererTime(page, () =>
        measured(`inbound, ${PAGE_PATH ?? 'Phones'} tab open`),
      );
      const refreshed = Number(await page.evaluate('document.body.dataset.refreshed ?? 0'));
      const refreshes = Number(await page.evaluate('document.body.dataset.refreshes ?? 0'));
      const regionsNow = await page.evaluate(
        "[document.querySelectorAll('[data-fragment]').length, document.querySelectorAll('[data-fragment][data-stale]').length].join(' regions, stale: ')",
      );
      const shown = await page.getByTestId('handset').count();
      const fresh = await page.evaluate(
        'Array.from(document.querySelectorAll(\'[data-fragment][data-keys^="handset:1505555"]\')).length',
      );
      const kb = Number(
        await page.evaluate("(document.querySelector('.phones')?.innerHTML.length ?? 0) / 1024"),
      );
      await page.close();
      const after = await measured('inbound, no console tab');
      const peer = ((peers.at(-1)?.perSecond ?? 0) + after.perSecond) / 2;
      tabs.push(withTab);
      pairs.push(withTab.perSecond / peer);
      peers.push(after);
      console.log(row(withTab, peer));
      console.log(
        `  Chromium used ${withTab.browserMicros.toFixed(0)} µs of CPU per message meanwhile (${withTab.browserBy}), on the same 2 cores; ${renderer}`,
      );
      console.log(
        `  the tab re-rendered during the row: ${refreshed >= started ? `${refreshes} times` : 'no'} (${regionsNow}; it shows ${shown} of ${HANDSETS} handsets, ${fresh} of them texting in the load; ${kb.toFixed(0)} KB of cards)`,
      );
      console.log(row(after));
    }
    // BENCH_CONSOLE_STREAM=1: the console's live hub alone — a client holding its stream for every
    // key, no browser — to tell the hub's cost from the browser's.
    if (process.env.BENCH_CONSOLE_STREAM) {
      const controller = new AbortController();
      const response = await fetch(`${channelUrl}/console/events`, { signal: controller.signal });
      let heard = 0;
      const reading = (async () => {
        for await (const _chunk of response.body ?? []) heard++;
      })().catch(() => undefined);
      const streamRow = await measured('inbound, a bare stream client');
      controller.abort();
      await reading;
      const again = await measured('inbound, no console tab');
      console.log(
        row(streamRow, ((peers.at(-1)?.perSecond ?? 0) + again.perSecond) / 2),
        `(${heard} chunks)`,
      );
      console.log(row(again));
    }
    const mean = (rows: Figures[]) => rows.reduce((sum, f) => sum + f.perSecond, 0) / rows.length;
    const cpu = (rows: Figures[]) => rows.reduce((sum, f) => sum + f.cpuMicros, 0) / rows.length;
    if (tabs.length > 0)
      console.log(
        `one open ${PAGE_PATH ?? 'Phones'} tab: ${((mean(tabs) / mean(peers)) * 100).toFixed(0)}% of the inbound throughput without it (aim: ≥ 90%; median of the ${pairs.length} rows against their neighbours ${(median(pairs) * 100).toFixed(0)}%); sim CPU ${cpu(tabs).toFixed(0)} vs ${cpu(peers).toFixed(0)} µs/msg`,
      );
    if (profile) await writeFile(join(profile, 'rows.json'), JSON.stringify(windows));
    return Object.fromEntries([
      ...peers.map((f, i) => [`without ${i + 1}`, f] as const),
      ...tabs.map((f, i) => [`with tab ${i + 1}`, f] as const),
    ]);
  } finally {
    await browser.close();
    agent.destroy();
    await stop(sim.child);
    await rm(dataDir, { recursive: true, force: true });
  }
}
