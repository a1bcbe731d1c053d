// The manual clock under load: ms (wall and CPU) per simulated day with 0 / 40 / 400 Open
// conversations, both servers on one clock, against the per-second dispatch tick of before,
// measured in the same run.
import { startHarness } from '../../scenarios/engine/harness';
import { allPages } from '../../scenarios/world/all-pages';
import { applyWorld } from '../../scenarios/world/apply-world';
import { loadWorld } from '../../scenarios/world/load-world';

export const name = 'clock';

const DAY_MS = 86_400_000;
const SIZES = [0, 40, 400] as const;
/** Quoted from issue 12 (main before event-driven dispatch, same kind of machine). */
const BEFORE_MS_PER_DAY: Record<number, number> = { 0: 110, 40: 2_900, 400: 34_000 };

interface Cost {
  wallMs: number;
  cpuMs: number;
}

/** A world whose agents are all Away, with `open` conversations left Open (nobody can take them). */
async function world(open: number, dispatchIntervalMs?: number) {
  const harness = await startHarness({
    seed: `clock-bench-${open}`,
    ...(dispatchIntervalMs !== undefined && { dispatchIntervalMs }),
  });
  const ids = await applyWorld(loadWorld('default'), harness);
  await harness.settleWorld();
  for (const agentId of Object.values(ids.agents))
    await harness.channel.must('PUT', `/api/agents/${agentId}/presence`, { presence: 'away' });
  const support = Object.values(ids.numbers)[0] ?? '';
  for (let i = 0; i < open; i++) {
    const phone = `1202555${String(2000 + i).padStart(4, '0')}`;
    await harness.telesign.must('POST', `/_sim/handsets/${phone}/messages`, {
      to: support,
      text: `conversation ${i}`,
    });
  }
  await harness.settle();
  const count = (await allPages(harness.channel, '/api/conversations?state=open')).length;
  if (count !== open) throw new Error(`expected ${open} Open conversations, found ${count}`);
  return harness;
}

async function measure(advance: () => Promise<void>): Promise<Cost> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await advance();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

const ms = (n: number): string =>
  n >= 100 ? n.toFixed(0).padStart(7) : n.toFixed(n >= 10 ? 1 : 2).padStart(7);

export async function run(): Promise<void> {
  console.log(
    'open | now: ms per simulated day (wall / cpu) | per-second dispatch tick, this run (15 min × 96) | ratio | issue 12 before',
  );
  for (const open of SIZES) {
    const now = await world(open);
    await now.clock.advance(DAY_MS); // warm-up day
    const today = await measure(() => now.clock.advance(DAY_MS));
    await now.close();

    const ticking = await world(open, 1000);
    await ticking.clock.advance(60_000); // warm-up minute
    const quarter = await measure(() => ticking.clock.advance(DAY_MS / 96));
    await ticking.close();
    const tickDay = { wallMs: quarter.wallMs * 96, cpuMs: quarter.cpuMs * 96 };

    console.log(
      `${String(open).padStart(4)} | ${ms(today.wallMs)} / ${ms(today.cpuMs)} ms | ${ms(tickDay.wallMs)} / ${ms(tickDay.cpuMs)} ms | ${(tickDay.cpuMs / Math.max(today.cpuMs, 0.01)).toFixed(0).padStart(6)}× | ~${BEFORE_MS_PER_DAY[open]} ms`,
    );
  }

  // The goal: a month at 400 Open conversations, including the sweep that closes them all at 30 days.
  const month = await world(400);
  const cost = await measure(() => month.clock.advance(31 * DAY_MS));
  const left = (await allPages(month.channel, '/api/conversations?state=open')).length;
  await month.close();
  console.log(
    `+31 days at 400 Open (all closed by the sweep at 30 days; ${left} left Open): ${ms(cost.wallMs)} ms wall / ${ms(cost.cpuMs)} ms cpu   (goal < 500 ms; issue 12 before: ~17 min)`,
  );
}
