// `npm run import`: turns a production log of TeleSign callbacks into a replayable recording. The
// customers' texts are acted out from scrubbed handsets at their logged times; each outbound message
// the delivery reports tell of becomes an agent's reply with the same delivery outcome. The session
// runs on a fresh world and is recorded by the same recorder as `npm run sim --record`.
import { stringify } from 'yaml';
import { startHarness, WORLD_SETTLE_MS } from '../engine/harness';
import { createRecorder, type RecordedScenario } from '../record/recorder';
import { createSessionDriver, type SessionDriver } from '../record/session-driver';
import { applyWorld, deliverySetting } from '../world/apply-world';
import { expandWorld } from '../world/expand-world';
import { loadWorld } from '../world/load-world';
import type { WorldDelivery } from '../world/world-schema';
import type { CallbackEvent, InboundEvent, ReportEvent } from './callback-log';
import { createScrubber, type Scrubber } from './scrub';

export interface ImportOptions {
  /** Keys the scrubbing (same salt, same fictitious numbers and names). */
  salt: string;
  names?: string[];
  world?: string;
  name?: string;
  /** Where the log came from, for the recording's `recorded.by`. */
  source?: string;
}

export interface ImportSummary {
  customers: number;
  inbound: number;
  replies: number;
  /** What was left out, and why (validation traffic, reports before any customer texted). */
  skipped: string[];
}

export interface ImportResult {
  scenario: RecordedScenario;
  yaml: string;
  summary: ImportSummary;
  /** The personal values that were replaced (to check none reached the recording). */
  originals: string[];
}

/** TeleSign's in-flight codes: a report ending on one of these never reached a final status. */
const IN_FLIGHT = new Set([203, 290, 291, 292, 295]);

interface Reply {
  at: number;
  referenceId: string;
  finalCode: number | null;
  parts: number | null;
}

/** Groups delivery reports by message: first report time, final code, parts. */
function repliesOf(reports: ReportEvent[]): Reply[] {
  const byRef = new Map<string, ReportEvent[]>();
  for (const r of reports) byRef.set(r.referenceId, [...(byRef.get(r.referenceId) ?? []), r]);
  return [...byRef.entries()]
    .map(([referenceId, list]) => {
      const finals = list.filter((r) => !IN_FLIGHT.has(r.code));
      return {
        at: Math.min(...list.map((r) => r.at)),
        referenceId,
        finalCode: finals.at(-1)?.code ?? null,
        parts: list.find((r) => r.parts !== null)?.parts ?? null,
      };
    })
    .sort((a, b) => a.at - b.at);
}

const deliveryFor = (code: number | null): WorldDelivery =>
  code === null
    ? { policy: 'stuck' }
    : code === 200
      ? { policy: 'deliver' }
      : { policy: 'fail', code };

/** A stand-in for a reply whose text TeleSign's callbacks never carry, as long as its parts say. */
function placeholder(n: number, parts: number | null): string {
  const base = `[reply ${n}: its text is not in TeleSign's callback log]`;
  if (parts === null || parts <= 1) return base;
  const length = 153 * (parts - 1) + 20;
  return `${base}${' .'.repeat(Math.ceil((length - base.length) / 2))}`.slice(0, length);
}

type Planned =
  | { kind: 'text'; at: number; phone: string; to: string; text: string }
  | { kind: 'reply'; at: number; phone: string; reply: Reply; n: number };

function plan(
  events: CallbackEvent[],
  scrub: Scrubber,
  supportNumbers: string[],
): { steps: Planned[]; summary: ImportSummary } {
  const skipped: string[] = [];
  const support = new Map<string, string>();
  const ownNumbers = new Set(events.filter((e) => e.kind === 'inbound').map((e) => e.to));
  const inbound: InboundEvent[] = [];
  for (const e of events) {
    if (e.kind !== 'inbound') continue;
    if (ownNumbers.has(e.from)) {
      skipped.push(
        `line ${e.line}: the loop-back test SMS of a number validation (not a customer)`,
      );
      continue;
    }
    if (!support.has(e.to)) {
      const next = supportNumbers[support.size];
      if (!next)
        throw new Error(
          `the log texts ${support.size + 1} support numbers, the world has ${supportNumbers.length} push work stream number(s) (${supportNumbers.join(', ')}); use a world with more`,
        );
      support.set(e.to, next);
    }
    inbound.push(e);
  }
  const reports = events.filter(
    (e): e is ReportEvent => e.kind === 'report' && !(e.externalId ?? '').startsWith('validate:'),
  );
  const validation = events.length - inbound.length - reports.length - skipped.length;
  if (validation > 0)
    skipped.push(`${validation} delivery report(s) of number validation test SMS`);
  const steps: Planned[] = inbound.map((e) => ({
    kind: 'text',
    at: e.at,
    phone: scrub.phone(e.from),
    to: support.get(e.to) as string,
    text: scrub.text(e.text),
  }));
  let n = 0;
  for (const reply of repliesOf(reports)) {
    // A report names no phone: the reply went to whoever texted last before it was sent.
    const sentAt = reply.at - 1000;
    const last = inbound.filter((e) => e.at <= sentAt).at(-1);
    if (!last) {
      skipped.push(`reply ${reply.referenceId}: reported before any customer texted`);
      continue;
    }
    steps.push({ kind: 'reply', at: sentAt, phone: scrub.phone(last.from), reply, n: ++n });
  }
  steps.sort((a, b) => a.at - b.at || (a.kind === 'text' ? -1 : 1));
  return {
    steps,
    summary: {
      customers: new Set(inbound.map((e) => e.from)).size,
      inbound: inbound.length,
      replies: n,
      skipped,
    },
  };
}

export async function importCallbackLog(
  events: CallbackEvent[],
  options: ImportOptions,
): Promise<ImportResult> {
  const worldName = options.world ?? 'default';
  const scrub = createScrubber({
    salt: options.salt,
    ...(options.names && { names: options.names }),
  });
  const base = expandWorld(loadWorld(worldName));
  const push = base.workStreams
    .filter((w) => w.mode === 'push')
    .flatMap((w) => (w.number ? [w.number] : []));
  const { steps, summary } = plan(events, scrub, push);
  const phones = [...new Set(steps.map((s) => s.phone))];
  const override = {
    handsets: phones.map((phone, i) => ({ phone, add: true, name: `Customer ${i + 1}` })),
  };
  const first = steps[0]?.at ?? events[0]?.at ?? 0;
  const harness = await startHarness({
    seed: `import:${options.salt}`,
    start: first - WORLD_SETTLE_MS - 1000,
  });
  try {
    const ids = await applyWorld(loadWorld(worldName, override), harness);
    await harness.settleWorld();
    const recorder = createRecorder({
      channel: harness.channel,
      world: worldName,
      override,
      ids,
      startedAt: harness.clock.now(),
      name: options.name ?? 'imported TeleSign callbacks',
      by: options.source ? `npm run import -- ${options.source}` : 'npm run import',
    });
    await recorder.start();
    const stop = harness.subscribe((event) => recorder.onEvent(event));
    const drivers = new Map<string, SessionDriver>();
    const driver = (phone: string, to: string): SessionDriver => {
      let d = drivers.get(phone);
      if (!d) {
        d = createSessionDriver({ ...harness, ids, phone, supportNumber: to });
        drivers.set(phone, d);
      }
      return d;
    };
    const lastTo = new Map<string, string>();
    const policies = new Map<string, string>();
    for (const step of steps) {
      const now = harness.clock.now();
      if (step.at > now) await driver(step.phone, '').wait(step.at - now);
      if (step.kind === 'text') {
        lastTo.set(step.phone, step.to);
        await driver(step.phone, step.to).text(step.text, step.to);
        continue;
      }
      const d = driver(step.phone, lastTo.get(step.phone) ?? '');
      const taken = await d.taken();
      if (!taken) await d.take();
      const delivery = deliveryFor(step.reply.finalCode);
      const key = JSON.stringify(delivery);
      if ((policies.get(step.phone) ?? JSON.stringify({ policy: 'deliver' })) !== key) {
        await harness.telesign.must(
          'PUT',
          `/_sim/handsets/${step.phone}/delivery`,
          deliverySetting(delivery),
        );
        recorder.note(harness.clock.now(), { delivery: { handset: step.phone, ...delivery } });
        policies.set(step.phone, key);
      }
      await d.send(placeholder(step.n, step.reply.parts));
    }
    await harness.clock.advance(10_000);
    await harness.settle();
    stop();
    const scenario = await recorder.build(harness.clock.now());
    scenario.tags = ['recording', 'imported'];
    const header = `# Imported with npm run import${options.source ? ` from ${options.source}` : ''}: phone numbers, names, e-mail addresses and long digit runs scrubbed.\n# Agents' reply texts are not in TeleSign's callbacks: each reply is a placeholder with the delivery outcome the log shows.\n`;
    return {
      scenario,
      yaml: `${header}${stringify(scenario, { lineWidth: 0 })}`,
      summary,
      originals: scrub.originals(),
    };
  } finally {
    await harness.close();
  }
}
