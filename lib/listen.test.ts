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

describe('urlOf', () => {
  it('brackets IPv6 addresses and leaves IPv4 ones alone', () => {
    expect(urlOf({ address: '::1', port: 80 })).toBe('http://[::1]:80');
    expect(urlOf({ address: '10.0.0.1', port: 80 })).toBe('http://10.0.0.1:80');
  });
});
