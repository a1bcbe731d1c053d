// npm run sim killed with -9 while a callback waits for its retry, and with one abandoned: after the
// restart the retry happens once, at its planned time on the shared clock, and the abandoned one is
// still listed and can be redelivered (§11.12).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, stop } from './sim-process';

const PHONE = '12025550177';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sim-callbacks-kill-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const json = async (url: string, method = 'GET', body?: unknown): Promise<unknown> => {
  const response = await fetch(url, {
    method,
    ...(body !== undefined && {
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${text}`);
  return JSON.parse(text);
};

interface Line {
  t: string;
  v: { referenceId: string; state: string };
  next?: { attempt: number; at: number } | null;
}
/** The traffic journal's callback lines, as the next start will read them. */
const callbackLines = async (): Promise<Line[]> =>
  (await readFile(join(folder, 'telesign-traffic.jsonl'), 'utf8'))
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line)
    .filter((l) => l.t === 'callback');

interface Attempt {
  attempt: number;
  status?: number;
}

describe('callbacks across kill -9 of npm run sim', () => {
  it('retries the pending one once at its planned time, and keeps the abandoned one redeliverable', async () => {
    const first = await startSim(folder, ['--clock', 'manual']);
    const t = first.banner.telesignUrl;
    const { customerId, supportNumber } = first.banner;
    // Whatever the seeding left on the clock happens first, so that the faults hit our texts only.
    await json(`${t}/_sim/clock/advance`, 'POST', { ms: 600_000 });
    const text = async (words: string): Promise<string> =>
      (
        (await json(`${t}/_sim/handsets/${PHONE}/messages`, 'POST', {
          to: supportNumber,
          text: words,
        })) as { reference_id: string }
      ).reference_id;
    const fail = (count: number) =>
      json(`${t}/_sim/faults`, 'PUT', { target: 'callback', kind: 'fail', count, customerId });

    await fail(3);
    const abandonedRef = await text('This one is given up');
    await json(`${t}/_sim/clock/advance`, 'POST', { ms: 10_000 });
    await json(`${t}/_sim/clock/advance`, 'POST', { ms: 30_000 });
    const abandoned = (await json(`${t}/_sim/callbacks/abandoned`)) as {
      id: number;
      referenceId: string;
    }[];
    expect(abandoned.map((c) => c.referenceId)).toEqual([abandonedRef]);
    await fail(1);
    const pendingRef = await text('This one waits for its retry');
    // Kill only once both are on disk as the next start reads them.
    let plan: { attempt: number; at: number } | undefined;
    await expect
      .poll(
        async () => {
          const lines = await callbackLines();
          plan = lines.findLast((l) => l.v.referenceId === pendingRef)?.next ?? undefined;
          return [plan?.attempt, lines.findLast((l) => l.v.referenceId === abandonedRef)?.v.state];
        },
        { timeout: 10_000 },
      )
      .toEqual([2, 'failed']);
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;

    const second = await startSim(folder, ['--clock', 'manual']);
    const s = second.banner.telesignUrl;
    try {
      expect(await json(`${s}/_sim/callbacks/abandoned`)).toEqual(abandoned);
      // The request journal came back too: the entry saying the callback was abandoned is there.
      const states = (await json(`${s}/_sim/journal?kind=state&reference_id=${abandonedRef}`)) as {
        detail: string;
      }[];
      expect(states.map((e) => e.detail)).toContainEqual(
        expect.stringMatching(/^inbound callback \d+ abandoned after 3 attempts/),
      );
      const retries = async (): Promise<Attempt[]> =>
        (
          (await json(`${s}/_sim/journal?kind=callback&reference_id=${pendingRef}`)) as Attempt[]
        ).filter((e) => e.attempt === 2);
      // The restarted clock starts at wall time: the retry is either still ahead of it, or overdue.
      const { now } = (await json(`${s}/_sim/clock`)) as { now: number };
      const due = plan?.at ?? 0;
      if (now < due - 1) {
        await json(`${s}/_sim/clock/advance`, 'POST', { ms: due - now - 1 });
        expect(await retries()).toEqual([]);
      }
      await json(`${s}/_sim/clock/advance`, 'POST', { ms: 1 });
      await expect.poll(retries, { timeout: 10_000 }).toMatchObject([{ attempt: 2, status: 200 }]);
      await json(`${s}/_sim/clock/advance`, 'POST', { ms: 600_000 });
      expect(await retries()).toHaveLength(1);

      const [gone] = abandoned;
      const redelivered = (await json(`${s}/_sim/callbacks/${gone?.id}/redeliver`, 'POST')) as {
        state: string;
        attempts: Attempt[];
      };
      expect(redelivered.state).toBe('delivered');
      expect(redelivered.attempts.map((a) => a.status)).toEqual([500, 500, 500, 200]);
      expect(await json(`${s}/_sim/callbacks/abandoned`)).toEqual([]);
    } finally {
      await stop(second.child);
    }
  }, 90_000);
});
