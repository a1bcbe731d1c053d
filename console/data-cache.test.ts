import { describe, expect, it } from 'vitest';
import { createConsoleData } from './data';

function fakeTelesign() {
  const reads: string[] = [];
  let numbers = ['14155550100'];
  const fetchFn = async (input: string) => {
    const path = new URL(input).pathname;
    reads.push(path);
    const body =
      path === '/_sim/accounts' ? [{ customer_id: 'C1' }] : numbers.map((n) => ({ number: n }));
    return new Response(JSON.stringify(body));
  };
  return { reads, fetchFn, buy: (n: string) => numbers.push(n), reset: () => (numbers = []) };
}

function liveStub(running: boolean) {
  const observers = new Set<(keys: readonly string[]) => void>();
  return {
    running: () => running,
    observe: (listener: (keys: readonly string[]) => void) => {
      observers.add(listener);
      return () => observers.delete(listener);
    },
    say: (...keys: string[]) => {
      for (const o of observers) o(keys);
    },
  };
}

const dataWith = (fake: ReturnType<typeof fakeTelesign>, live: ReturnType<typeof liveStub>) =>
  createConsoleData({
    channelFetch: async () => new Response('[]'),
    telesignUrl: 'http://telesign.test',
    telesignFetch: fake.fetchFn,
    live,
  });

describe('purchased numbers while the live hub runs', () => {
  it('are read once, and again after the hub names a TeleSign or admin change', async () => {
    const fake = fakeTelesign();
    const live = liveStub(true);
    const data = dataWith(fake, live);
    expect(await data.purchasedNumbers()).toEqual(['14155550100']);
    await data.purchasedNumbers();
    expect(fake.reads).toHaveLength(2);
    fake.buy('14155550199');
    live.say('journal', 'handset:12025550101');
    expect(await data.purchasedNumbers()).toEqual(['14155550100']);
    live.say('journal', 'telesign');
    expect(await data.purchasedNumbers()).toEqual(['14155550100', '14155550199']);
    expect(fake.reads).toHaveLength(4);
  });

  it('are read every time when no hub runs (nobody would say they changed)', async () => {
    const fake = fakeTelesign();
    const data = dataWith(fake, liveStub(false));
    await data.purchasedNumbers();
    fake.reset();
    expect(await data.purchasedNumbers()).toEqual([]);
    expect(fake.reads).toHaveLength(4);
  });
});
