import { describe, expect, it } from 'vitest';
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
