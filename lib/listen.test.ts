import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { listen, urlOf } from './listen';

const hello = () => new Response('hello');

/** Whether this machine has an IPv6 loopback (some containers do not). */
const hasIpv6Loopback = await new Promise<boolean>((resolve) => {
  const probe = createServer()
    .once('error', () => resolve(false))
    .listen(0, '::1', () => probe.close(() => resolve(true)));
});

describe('listen', () => {
  it('binds to 127.0.0.1 by default, and its URL is the socket address it answers on', async () => {
    const server = await listen(hello);
    try {
      expect(server.address.address).toBe('127.0.0.1');
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      expect(await (await fetch(server.url)).text()).toBe('hello');
    } finally {
      await server.close();
    }
  });

  it('reports the address it is bound to, not the one asked for (so a bind check can fail)', async () => {
    const server = await listen(hello, 0, '0.0.0.0');
    try {
      expect(server.address.address).toBe('0.0.0.0');
      expect(new URL(server.url).hostname).not.toBe('127.0.0.1');
    } finally {
      await server.close();
    }
  });

  it.skipIf(!hasIpv6Loopback)('puts an IPv6 host in brackets, so the URL works', async () => {
    const server = await listen(hello, 0, '::1');
    try {
      expect(server.url).toBe(`http://[::1]:${server.port}`);
      expect(await (await fetch(server.url)).text()).toBe('hello');
    } finally {
      await server.close();
    }
  });

  it('rejects with EADDRINUSE when the port is taken', async () => {
    const first = await listen(hello);
    try {
      await expect(listen(hello, first.port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await first.close();
    }
  });

  it('closes with keep-alive connections open, and a second close waits for the same', async () => {
    const server = await listen(hello);
    await fetch(server.url, { keepalive: true });
    await Promise.all([server.close(), server.close()]);
    await expect(fetch(server.url)).rejects.toThrow();
  });
});

/** A handler that holds each request until the test lets it go, and says when one came in. */
function heldHandler() {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let arrived: () => void = () => {};
  const entered = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const handler = async () => {
    arrived();
    await released;
    return new Response('finished');
  };
  return { handler, entered, release };
}

/** A drain timer the test fires by hand; remembers the time asked for. */
function manualWait() {
  const asked: number[] = [];
  let fire: () => void = () => {};
  const wait = (ms: number) => {
    asked.push(ms);
    return new Promise<void>((resolve) => {
      fire = resolve;
    });
  };
  return { wait, asked, fire: () => fire() };
}

describe('stopping a server with requests in flight', () => {
  it('lets a request in flight finish, and refuses new connections meanwhile', async () => {
    const held = heldHandler();
    const timer = manualWait();
    const server = await listen(held.handler, 0, '127.0.0.1', { wait: timer.wait });
    const inFlight = fetch(server.url);
    await held.entered;
    const stopped = server.close();
    await expect(fetch(server.url)).rejects.toThrow();
    held.release();
    const answer = await inFlight;
    expect(await answer.text()).toBe('finished');
    await stopped;
    expect(timer.asked).toEqual([5_000]);
  });

  it('drops a request still running when the drain time is up, and then resolves', async () => {
    const held = heldHandler();
    const timer = manualWait();
    const server = await listen(held.handler, 0, '127.0.0.1', { drainMs: 250, wait: timer.wait });
    const inFlight = fetch(server.url).then(
      () => 'answered',
      () => 'dropped',
    );
    await held.entered;
    const stopped = server.close();
    expect(timer.asked).toEqual([250]);
    timer.fire();
    await stopped;
    expect(await inFlight).toBe('dropped');
    held.release();
  });

  it('closes event streams at once instead of waiting for them to end', async () => {
    const timer = manualWait();
    const stream = () =>
      new Response(
        new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode(':\n')) }),
        {
          headers: { 'content-type': 'text/event-stream' },
        },
      );
    const server = await listen(stream, 0, '127.0.0.1', { wait: timer.wait });
    const reader = (await fetch(server.url)).body?.getReader();
    await reader?.read();
    // The drain timer never fires here: only closing the stream lets the stop finish.
    await server.close();
    await expect(
      (async () => {
        while (!(await reader?.read())?.done) {}
      })(),
    ).rejects.toThrow();
  });
});

describe('urlOf', () => {
  it('brackets IPv6 addresses and leaves IPv4 ones alone', () => {
    expect(urlOf({ address: '::1', port: 80 })).toBe('http://[::1]:80');
    expect(urlOf({ address: '10.0.0.1', port: 80 })).toBe('http://10.0.0.1:80');
  });
});
