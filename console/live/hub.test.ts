import { describe, expect, it, vi } from 'vitest';
import { createLiveHub } from './hub';

/** An endless SSE response whose events the test writes. */
function stream() {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  return {
    response: () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
    send: (event: string, data: unknown) =>
      controller?.enqueue(
        new TextEncoder().encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
      ),
  };
}

const json = (body: unknown) => new Response(JSON.stringify(body));

describe('live hub', () => {
  it("turns both servers' events into keys, and names a handset it has not seen as a new one", async () => {
    const channel = stream();
    const telesign = stream();
    const hub = createLiveHub({
      channelFetch: async () => channel.response(),
      telesignFetch: async (url) =>
        url.endsWith('/_sim/events')
          ? telesign.response()
          : json([{ phone: '12025550101', inbox: 0, outbox: 0 }]),
      telesignUrl: 'http://telesign.test',
    });
    const heard: string[][] = [];
    const stop = hub.subscribe((keys) => heard.push([...keys]));
    await expect.poll(() => heard.length).toBe(0);
    // Let the handsets list arrive before the first journal entry.
    await new Promise((resolve) => setImmediate(resolve));
    channel.send('conversation.declined', { type: 'conversation.declined', conversationId: 'c1' });
    telesign.send('journal', { kind: 'callback', phone: '12025550101' });
    telesign.send('journal', { kind: 'state', phone: '12025550199' });
    await expect.poll(() => heard.length).toBe(3);
    stop();
    expect(heard).toContainEqual(['conversations', 'conversation:c1', 'agents']);
    expect(heard).toContainEqual(['journal', 'handset:12025550101']);
    expect(heard).toContainEqual(['journal', 'handset:12025550199', 'handsets']);
  });

  it('sends a page the keys as unnamed messages, gathered into one', async () => {
    const channel = stream();
    const hub = createLiveHub({
      channelFetch: async () => channel.response(),
      telesignFetch: async (url) => (url.endsWith('/_sim/events') ? stream().response() : json([])),
      telesignUrl: 'http://telesign.test',
      coalesceMs: 20,
    });
    const { Hono } = await import('hono');
    const app = new Hono().get('/console/events', (c) => hub.handler(c));
    const response = await app.request('/console/events');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const read = async () => new TextDecoder().decode((await reader.read()).value);
    expect(await read()).toBe('data: {"keys":[]}\n\n');
    channel.send('agent.changed', { type: 'agent.changed', agentId: 'a' });
    channel.send('admin.changed', { type: 'admin.changed', resource: 'queue' });
    expect(await read()).toBe('data: {"keys":["agents","admin"]}\n\n');
    await reader.cancel();
  });
});

describe("live hub, the pace of a page's messages", () => {
  /** A hub on fake timers with one page listening; `events()` sends channel events, gives back when messages came. */
  async function pacedPage() {
    const listeners = new Set<(event: unknown) => void>();
    const hub = createLiveHub({
      channelFetch: async () => json([]),
      telesignFetch: async () => json([]),
      telesignUrl: 'http://telesign.test',
      coalesceMs: 50,
      steadyGapMs: 1000,
      floodPerSecond: 50,
      floodGapMs: 2000,
      sources: {
        channel: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        telesign: () => () => undefined,
      },
    });
    const { Hono } = await import('hono');
    const app = new Hono().get('/console/events', (c) => hub.handler(c));
    const response = await app.request('/console/events');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const arrived: number[] = [];
    const reading = (async () => {
      for (;;) {
        const { done } = await reader.read();
        if (done) return;
        arrived.push(performance.now());
      }
    })();
    await vi.advanceTimersByTimeAsync(0);
    arrived.length = 0;
    /** `count` events `everyMs` apart: the times of the messages meanwhile, from the first event. */
    const events = async (count: number, everyMs: number): Promise<number[]> => {
      const start = performance.now();
      const from = arrived.length;
      for (let i = 0; i < count; i++) {
        for (const l of listeners) l({ type: 'agent.changed', agentId: `a${i}` });
        await vi.advanceTimersByTimeAsync(everyMs);
      }
      return arrived.slice(from).map((t) => t - start);
    };
    const close = async () => {
      await reader.cancel();
      await reading;
    };
    return { events, close };
  }
  const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] ?? 0));

  it('sends a page at most one message a second while events keep coming, and the first of a quiet spell soon', async () => {
    vi.useFakeTimers();
    try {
      const page = await pacedPage();
      // An event every 100 ms for 3 s: a steady load.
      const times = await page.events(30, 100);
      expect(times[0]).toBe(50);
      expect(times.length).toBeGreaterThanOrEqual(3);
      for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(1000);
      // After a quiet spell the next event is sent after the gathering wait alone.
      await vi.advanceTimersByTimeAsync(3000);
      expect(await page.events(1, 60)).toEqual([50]);
      await page.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('spaces the messages two seconds apart under a flood, and a second again once it eases', async () => {
    vi.useFakeTimers();
    try {
      const page = await pacedPage();
      // 100 events a second for 7 s from the page's arrival: told apart by the first message, so
      // every gap is two seconds (a tab opened during a load test is at the flood pace at once).
      const flood = gaps(await page.events(700, 10));
      expect(flood.length).toBeGreaterThanOrEqual(2);
      for (const gap of flood) expect(gap).toBeGreaterThanOrEqual(2000);
      // Five a second: back to a second apart.
      const eased = gaps(await page.events(30, 200));
      expect(eased.length).toBeGreaterThanOrEqual(3);
      for (const gap of eased.slice(1)) expect(gap).toBeLessThan(1500);
      await page.close();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('live hub, a fake that does not answer', () => {
  it('still tells a page it is live when the handset list never comes', async () => {
    const hub = createLiveHub({
      channelFetch: async () => json([]),
      // Answers nothing until the hub gives up on it.
      telesignFetch: (_url, init) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
      telesignUrl: 'http://telesign.test',
      listTimeoutMs: 20,
      sources: { channel: () => () => undefined, telesign: () => () => undefined },
    });
    const { Hono } = await import('hono');
    const app = new Hono().get('/console/events', (c) => hub.handler(c));
    const response = await app.request('/console/events');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: {"keys":[]}\n\n');
    await reader.cancel();
  });
});

describe('live hub, a page that names its keys', () => {
  it("sends a page only the keys it listens for, and is not woken for another phone's events", async () => {
    const listeners = new Set<(entry: unknown) => void>();
    const hub = createLiveHub({
      channelFetch: async () => json([]),
      telesignFetch: async () => json([{ phone: '12025550101' }, { phone: '12025550102' }]),
      telesignUrl: 'http://telesign.test',
      coalesceMs: 5,
      sources: {
        channel: () => () => undefined,
        telesign: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
    });
    const { Hono } = await import('hono');
    const app = new Hono().get('/console/events', (c) => hub.handler(c));
    const response = await app.request(
      `/console/events?keys=${encodeURIComponent('handsets handset:12025550101')}`,
    );
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const read = async () => new TextDecoder().decode((await reader.read()).value);
    expect(await read()).toBe('data: {"keys":[]}\n\n');
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    // Another phone's entry sends nothing; this card's does, without the keys the page lacks.
    for (const l of listeners) l({ kind: 'callback', phone: '12025550102' });
    for (const l of listeners) l({ kind: 'callback', phone: '12025550101' });
    expect(await read()).toBe('data: {"keys":["handset:12025550101"]}\n\n');
    await reader.cancel();
  });
});

describe('live hub with in-process sources', () => {
  const sources = () => {
    const channel = new Set<(event: unknown) => void>();
    const telesign = new Set<(entry: unknown) => void>();
    const source = (set: Set<(data: unknown) => void>) => (listener: (data: unknown) => void) => {
      set.add(listener);
      return () => set.delete(listener);
    };
    return {
      channel,
      telesign,
      sources: { channel: source(channel), telesign: source(telesign) },
    };
  };

  it('hears both servers without their event streams, and lets go of them when the last page leaves', async () => {
    const s = sources();
    const streamed: string[] = [];
    const hub = createLiveHub({
      channelFetch: async (url) => {
        streamed.push(url);
        return json([]);
      },
      telesignFetch: async (url) => {
        streamed.push(url);
        return json([{ phone: '12025550101', inbox: 0, outbox: 0 }]);
      },
      telesignUrl: 'http://telesign.test',
      sources: s.sources,
    });
    const heard: string[][] = [];
    const stop = hub.subscribe((keys) => heard.push([...keys]));
    await expect.poll(() => streamed).toEqual(['http://telesign.test/_sim/handsets']);
    // Let the handsets list be read before the first journal entry.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    for (const l of s.channel) l({ type: 'agent.changed', agentId: 'a' });
    for (const l of s.telesign) l({ kind: 'callback', phone: '12025550101' });
    for (const l of s.telesign) l({ kind: 'state', phone: '12025550199' });
    expect(heard).toEqual([
      ['agents'],
      ['journal', 'handset:12025550101'],
      ['journal', 'handset:12025550199', 'handsets'],
    ]);
    stop();
    expect([s.channel.size, s.telesign.size]).toEqual([0, 0]);
  });

  it('re-renders the handset list once when it arrives after phones were heard, not on every event', async () => {
    const s = sources();
    let answer: (r: Response) => void = () => undefined;
    const hub = createLiveHub({
      channelFetch: async () => json([]),
      telesignFetch: () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
      telesignUrl: 'http://telesign.test',
      sources: s.sources,
    });
    const heard: string[][] = [];
    const stop = hub.subscribe((keys) => heard.push([...keys]));
    for (const l of s.telesign) l({ kind: 'callback', phone: '12025550101' });
    for (const l of s.telesign) l({ kind: 'callback', phone: '12025550102' });
    expect(heard.flat()).not.toContain('handsets');
    answer(json([{ phone: '12025550101', inbox: 0, outbox: 0 }]));
    await expect.poll(() => heard.at(-1)).toEqual(['handsets']);
    expect(heard.flat().filter((k) => k === 'handsets')).toHaveLength(1);
    stop();
  });
});
