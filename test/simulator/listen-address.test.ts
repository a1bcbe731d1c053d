import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../simulator/index';

const hasIpv6Loopback = await new Promise<boolean>((resolve) => {
  const probe = createServer()
    .once('error', () => resolve(false))
    .listen(0, '::1', () => probe.close(() => resolve(true)));
});

describe('the fake TeleSign listening on IPv6', () => {
  it.skipIf(!hasIpv6Loopback)(
    'gives a bracketed URL that answers (http://[::1]:port)',
    async () => {
      const sim = createSimulator();
      try {
        const { url, port } = await sim.listen(0, '::1');
        expect(url).toBe(`http://[::1]:${port}`);
        expect((await fetch(`${url}/_sim/clock`)).status).toBe(200);
      } finally {
        await sim.close();
      }
    },
  );
});
