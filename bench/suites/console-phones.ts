// What one open Phones tab costs inbound throughput: `npm run sim` in its own process with 500
// handsets, a steady inbound load (handsets texting the pick line) measured without a console tab,
// then with one Phones tab open in Chromium, then without again — the peers of the same run.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startSim, stop } from '../../test/sim/sim-process';
import { agent, drive, type Figures, send } from './channel-load';

export const name = 'console-phones';

const HANDSETS = 500;
const TOTAL = Number(process.env.BENCH_CONSOLE_MESSAGES ?? 2000);
const PICK_NUMBER = '14155550101';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** CPU microseconds (user + system) a process has used, from /proc (Linux; ticks of 10 ms). */
async function processCpu(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/** CPU microseconds of this bench's Chromium: every process under ours that runs it. */
async function chromiumCpu(): Promise<number> {
  const stats = await Promise.all(
    (await readdir('/proc'))
      .filter((name) => /^\d+$/.test(name))
      .map(async (pid) => ({
        pid: Number(pid),
        stat: await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => ''),
      })),
  );
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  const isChromium = new Set<number>();
  for (const { pid, stat } of stats) {
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parent.set(pid, Number(fields[1]));
    cpu.set(pid, (Number(fields[11]) + Number(fields[12])) * 10_000);
    if (/\((chromium|chrome)[^)]*\)/.test(stat)) isChromium.add(pid);
  }
  const ours = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p))
      if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const pid of isChromium) if (ours(pid)) total += cpu.get(pid) ?? 0;
  return total;
}

const row = (f: Figures, peer?: Figures): string =>
  `${f.label.padEnd(44)} ${f.perSecond.toFixed(0).padStart(6)} msg/s${
    peer ? ` (${((f.perSecond / peer.perSecond) * 100).toFixed(0)}% of the peer without a tab)` : ''
  }   p50 ${f.p50.toFixed(1).padStart(5)} ms   p99 ${f.p99.toFixed(1).padStart(6)} ms   sim CPU ${f.cpuMicros.toFixed(0).padStart(5)} µs/msg`;

export async function run(): Promise<Record<string, Figures>> {
  console.log(
    `npm run sim in its own process, ${HANDSETS} handsets, ${TOTAL} inbound texts per row; sim CPU from /proc`,
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
  let browserMicros = 0;
  const measured = async (label: string): Promise<Figures> => {
    const [before, browserBefore] = await Promise.all([processCpu(pid), chromiumCpu()]);
    const figures = await drive(label, TOTAL, text);
    browserMicros = ((await chromiumCpu()) - browserBefore) / TOTAL;
    return { ...figures, cpuMicros: ((await processCpu(pid)) - before) / TOTAL };
  };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    // Every handset texts once, so the fake knows all 500 before the rows.
    await drive(`${HANDSETS} handsets text once`, HANDSETS, text);
    // A warm-up row, not measured: without it the first peer runs on colder code than the tab's row
    // and the second peer (measured: the second peer ran ~25% faster than the first).
    await drive('warm-up', TOTAL * 2, text);
    const without = await measured('inbound, no console tab');
    console.log(row(without));
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const beforeOpen = await processCpu(pid);
    await page.goto(
      process.env.BENCH_CONSOLE_PATH
        ? `${channelUrl}${process.env.BENCH_CONSOLE_PATH}`
        : channelUrl,
    );
    await page.getByTestId('live-status').filter({ hasText: 'live' }).waitFor();
    // Opening the page is a one-off (the first render of 12 cards, the hub learning 500 handsets):
    // let it finish before the row, and say what it cost, so the row measures the open tab alone.
    await page.waitForTimeout(1500);
    console.log(
      `  opening the Phones page cost the sim ${((await processCpu(pid)) - beforeOpen) / 1000} ms of CPU (not in the row below)`,
    );
    // What the tab asked the console for while the row ran: the cost's first suspect.
    const asked = new Map<string, number>();
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname.replace(
        /^\/console\/f\/([^/?]+).*/,
        'fragment $1',
      );
      asked.set(path, (asked.get(path) ?? 0) + 1);
    });
    const started = Date.now();
    const withTab = await measured('inbound, one Phones tab open');
    const refreshed = Number(await page.evaluate('document.body.dataset.refreshed ?? 0'));
    console.log(row(withTab, without));
    console.log(
      `  Chromium (the tab) used ${browserMicros.toFixed(0)} µs of CPU per message meanwhile, on the same 2 cores`,
    );
    console.log(
      `  the tab re-rendered during the row: ${refreshed >= started ? 'yes' : 'no'} (it shows ${await page.getByTestId('handset').count()} of ${HANDSETS} handsets)`,
    );
    console.log(
      `  the tab asked for: ${[...asked].map(([path, n]) => `${path} ×${n}`).join(', ') || 'nothing'}`,
    );
    await page.close();
    const after = await measured('inbound, no console tab (again)');
    console.log(row(after));
    const peer = (without.perSecond + after.perSecond) / 2;
    console.log(
      `one open Phones tab: ${((withTab.perSecond / peer) * 100).toFixed(0)}% of the inbound throughput without it (aim: ≥ 90%)`,
    );
    return { without, withTab, after };
  } finally {
    await browser.close();
    agent.destroy();
    await stop(sim.child);
    await rm(dataDir, { recursive: true, force: true });
  }
}
