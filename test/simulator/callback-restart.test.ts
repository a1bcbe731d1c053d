// Pending callback retries and abandoned callbacks survive a restart, even one that flushed nothing at the stop (§11.12).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../lib/clock';
import { verifyCallback } from '../../lib/telesign-signing';
import { createFileStorage, createSimulator, type Simulator } from '../../simulator/index';

const PHONE = '15555550100';
const START = Date.parse('2026-11-30T12:00:00Z');

interface Post {
  url: string;
  body: string;
  authorization: string;
}

let folder: string;
const open: Simulator[] = [];
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sim-callback-restart-'));
});
afterEach(async () => {
  for (const sim of open.splice(0)) await sim.close();
  await rm(folder, { recursive: true, force: true });
});

/** A fake on `folder` whose callbacks land in `posts`, answered with `answer()`. */
function start(clock: ManualClock, posts: Post[], answer: () => number = () => 200): Simulator {
  const sim = createSimulator({
    clock,
    ...createFileStorage(folder),
    fetch: async (url, init) => {
      const headers = new Headers(init?.headers);
      posts.push({
        url: String(url),
        body: String(init?.body),
        authorization: headers.get('authorization') ?? '',
      });
      return new Response(null, { status: answer() });
    },
  });
  open.push(sim);
  return sim;
}

/** An account with a purchased number; a text from a handset to it makes one inbound callback. */
async function world(sim: Simulator) {
  await sim.backend.ready;
  const account = await sim.backend.accounts.create({ callbackUrl: 'https://receiver.test/cb' });
  const { number } = await sim.backend.numbers.purchase(account.customerId, {});
  return { account, number };
}

/**
 * Stands for kill -9: the first fake is left running on a clock nobody advances, nothing is closed
 * or flushed at a stop; only what the journal had written is there for the next start.
 */
async function crash(sim: Simulator): Promise<void> {
  await sim.backend.traffic.committed();
  open.splice(open.indexOf(sim), 1);
}

describe('a callback retry pending when the fake stops', () => {
  it('is retried after the restart at its planned time on the shared clock, once', async () => {
    const firstPosts: Post[] = [];
    const first = start(createManualClock(START), firstPosts, () => 500);
    const { account, number } = await world(first);
    const sent = await first.backend.textFromHandset(PHONE, number, 'Hello?');
    expect(firstPosts).toHaveLength(1);
    await crash(first);

    const posts: Post[] = [];
    const clock = createManualClock(START + 4_000);
    const second = start(clock, posts);
    await second.backend.ready;
    await clock.advance(5_999);
    expect(posts).toHaveLength(0);
    await clock.advance(1);
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(post?.body).toBe(firstPosts[0]?.body);
    // Signed again with the account's key, which the journal never kept.
    expect(verifyCallback(post?.authorization, post?.body ?? '', account.apiKey)).toEqual({
      ok: true,
      customerId: account.customerId,
    });
    await clock.advance(120_000);
    expect(posts).toHaveLength(1);
    const callback = second.backend.handsets
      .get(PHONE)
      ?.outbox.find((m) => m.referenceId === sent.referenceId)?.callback;
    expect(callback).toMatchObject({
      state: 'delivered',
      attempts: [{ status: 500 }, { status: 200 }],
    });
  });

  it('is retried at once when its time passed while the fake was stopped', async () => {
    const first = start(createManualClock(START), [], () => 500);
    const { number } = await world(first);
    await first.backend.textFromHandset(PHONE, number, 'Hello?');
    await crash(first);

    const posts: Post[] = [];
    const clock = createManualClock(START + 3_600_000);
    await start(clock, posts).backend.ready;
    await clock.advance(0);
    expect(posts).toHaveLength(1);
  });

  it("goes to the account's callback URL of the restarted fake when it was going to the account's", async () => {
    const first = start(createManualClock(START), [], () => 500);
    const { account, number } = await world(first);
    await first.backend.textFromHandset(PHONE, number, 'Hello?');
    await crash(first);

    const posts: Post[] = [];
    const clock = createManualClock(START + 60_000);
    const second = createSimulator({
      clock,
      ...createFileStorage(folder),
      resumeOnLoad: false,
      fetch: async (url) => {
        posts.push({ url: String(url), body: '', authorization: '' });
        return new Response(null, { status: 200 });
      },
    });
    open.push(second);
    await second.backend.ready;
    await second.backend.accounts.setCallbackUrl(account.customerId, 'https://moved.test/cb');
    expect(await second.resumeDeliveries()).toBe(1);
    await clock.advance(0);
    expect(posts.map((p) => p.url)).toEqual(['https://moved.test/cb']);
  });
});

describe('abandoned callbacks across a restart', () => {
  it('are listed as before and can be redelivered, and a redelivered one is not listed again', async () => {
    const firstClock = createManualClock(START);
    const first = start(firstClock, [], () => 500);
    const { number } = await world(first);
    await first.backend.textFromHandset(PHONE, number, 'Hello?');
    await firstClock.advance(10_000);
    await firstClock.advance(30_000);
    const before = await (await first.app.request('/_sim/callbacks/abandoned')).json();
    expect(before).toMatchObject([{ state: 'failed', attempts: [{}, {}, {}] }]);
    await crash(first);

    const posts: Post[] = [];
    const clock = createManualClock(START + 3_600_000);
    const second = start(clock, posts);
    await second.backend.ready;
    await clock.advance(0);
    expect(posts).toHaveLength(0);
    expect(await (await second.app.request('/_sim/callbacks/abandoned')).json()).toEqual(before);
    const id = (before as { id: number }[])[0]?.id;
    const redelivered = await second.app.request(`/_sim/callbacks/${id}/redeliver`, {
      method: 'POST',
    });
    expect(redelivered.status).toBe(200);
    expect(await redelivered.json()).toMatchObject({
      state: 'delivered',
      attempts: [{}, {}, {}, { attempt: 4, status: 200 }],
    });
    expect(posts).toHaveLength(1);
    await crash(second);

    const third = start(createManualClock(START + 7_200_000), []);
    await third.backend.ready;
    expect(await (await third.app.request('/_sim/callbacks/abandoned')).json()).toEqual([]);
  });
});
