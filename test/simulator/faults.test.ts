import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { type Receiver, startReceiver } from './receiver';
import { call, sdkClient } from './telesign-sdk';

describe('injected faults', () => {
  let h: Harness;
  let rx: Receiver;
  beforeEach(async () => {
    h = await startHarness({ hangMs: 5_000 });
    rx = await startReceiver();
    await h.control('PUT', `/_sim/accounts/${h.customerId}/callback-url`, { url: rx.url });
    await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, { number: '12025550142' });
  });
  afterEach(async () => {
    await h.sim.close();
    await rx.stop();
  });

  const send = () => {
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    return call((cb) => client.sms.message(cb, '15555550100', 'Hi', 'ARN'));
  };
  const text = (body = 'Hi') =>
    h.control('POST', '/_sim/handsets/15555550123/messages', { to: '12025550142', text: body });
  const codes = () => rx.received.map((r) => (r.json.status as { code: number }).code);

  it('answers the next request 503 with -90001 and then recovers', async () => {
    await h.control('PUT', '/_sim/faults', { target: 'api', kind: 'unavailable', count: 1 });
    const first = await send();
    const second = await send();
    expect(first.status).toMatchObject({
      code: -90001,
      description: 'System unavailable, please try again later',
    });
    expect(second.status).toMatchObject({ code: 290 });
  });

  it('answers non-JSON, which the SDK reports as an error (node_telesign#16)', async () => {
    await h.control('PUT', '/_sim/faults', { target: 'api', kind: 'non-json' });
    await expect(send()).rejects.toMatchObject({ type: 'invalid-json' });
  });

  it('answers an empty body when asked', async () => {
    await h.control('PUT', '/_sim/faults', { target: 'api', kind: 'empty' });
    const response = await fetch(`${h.url}/v1/messaging`, { method: 'POST' });
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('');
  });

  it('holds a hung request until the fault is cleared', async () => {
    await h.control('PUT', '/_sim/faults', { target: 'api', kind: 'hang' });
    let answered = false;
    const pending = fetch(`${h.url}/v1/messaging`, { method: 'POST' }).then((r) => {
      answered = true;
      return r.status;
    });
    // The fault is taken when the request arrives: from then on the request is held.
    await expect.poll(async () => (await h.control('GET', '/_sim/faults')).body).toEqual([]);
    expect(answered).toBe(false);
    await h.control('DELETE', '/_sim/faults');
    expect(await pending).toBe(503);
  });

  it('scopes a fault to one customer id', async () => {
    await h.control('PUT', '/_sim/faults', {
      target: 'api',
      kind: 'unavailable',
      customerId: '00000000-0000-0000-0000-000000000000',
    });
    expect((await send()).status).toMatchObject({ code: 290 });
  });

  it('fails the next callback as if the receiver answered 500, then delivers on retry', async () => {
    await h.control('PUT', '/_sim/faults', { target: 'callback', kind: 'fail' });
    const answer = await text();
    expect(answer.body).toMatchObject({
      callback: { state: 'pending', attempts: [{ attempt: 1, status: 500 }] },
    });
    expect(rx.received).toHaveLength(0);
    await h.clock.advance(10_000);
    expect(rx.received).toHaveLength(1);
  });

  it('refuses the next callback as a connection error', async () => {
    await h.control('PUT', '/_sim/faults', { target: 'callback', kind: 'refuse' });
    const answer = await text();
    expect(answer.body).toMatchObject({
      callback: { attempts: [{ status: null, error: 'ECONNREFUSED (injected fault)' }] },
    });
  });

  it('sends a duplicated callback twice', async () => {
    await h.control('PUT', '/_sim/faults', { target: 'callback', kind: 'duplicate' });
    await text();
    expect(rx.received.map((r) => r.body)).toHaveLength(2);
    expect(rx.received[0]?.body).toBe(rx.received[1]?.body);
  });

  it('delays a callback by the given ms of the clock', async () => {
    await h.control('PUT', '/_sim/faults', { target: 'callback', kind: 'delay', ms: 5_000 });
    await text();
    expect(rx.received).toHaveLength(0);
    await h.clock.advance(5_000);
    expect(rx.received).toHaveLength(1);
  });

  it('holds a delivery report out of order and sends it after the next one', async () => {
    await h.control('PUT', '/_sim/faults', { target: 'callback', kind: 'out-of-order' });
    await send();
    await h.clock.advance(1_000);
    expect(codes()).toEqual([200, 203]);
  });
});
