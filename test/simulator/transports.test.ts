import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../lib/clock';
import { createSimulator, type Simulator } from '../../simulator/index';
import { rawHeaders } from './raw-request';

type Transport = (path: string, init?: RequestInit) => Promise<Response>;

// The same flow, once through app.request() and once over a real socket (moto's two modes).
describe.each(['in-process', 'socket'] as const)('a message round trip (%s)', (mode) => {
  let sim: Simulator;
  let clock: ManualClock;
  let send: Transport;
  beforeAll(async () => {
    clock = createManualClock(Date.now());
    sim = createSimulator({ clock });
    if (mode === 'socket') {
      const { url } = await sim.listen();
      send = (path, init) => fetch(`${url}${path}`, init);
    } else {
      send = async (path, init) => sim.app.request(path, init);
    }
  });
  afterAll(() => sim.close());

  it('sends with TSA, then reads 290 and, a second later, 200', async () => {
    const account = (await (
      await send('/_sim/accounts', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
    ).json()) as {
      customer_id: string;
      api_key: string;
    };
    const body = 'phone_number=15555550100&message=Caf%C3%A9+%26+co&message_type=ARN';
    const credentials = { customerId: account.customer_id, apiKey: account.api_key };
    const sent = await send('/v1/messaging', {
      method: 'POST',
      headers: rawHeaders({ ...credentials, body }),
      body,
    });
    const { reference_id } = (await sent.json()) as { reference_id: string };
    const status = async () => {
      const resource = `/v1/messaging/${reference_id}`;
      const response = await send(resource, {
        headers: rawHeaders({ ...credentials, method: 'GET', resource }),
      });
      return ((await response.json()) as { status: { code: number } }).status.code;
    };
    const before = await status();
    await clock.advance(1000);
    expect([sent.status, before, await status()]).toEqual([200, 290, 200]);
  });
});
