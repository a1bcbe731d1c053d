// Retries that give up are visible: journaled, listed, and redelivered on request (§11.12).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { type Receiver, startReceiver } from './receiver';
import { call, sdkClient } from './telesign-sdk';

describe('abandoned callbacks', () => {
  let h: Harness;
  let rx: Receiver;
  beforeEach(async () => {
    h = await startHarness();
    rx = await startReceiver();
    await h.control('PUT', `/_sim/accounts/${h.customerId}/callback-url`, { url: rx.url });
    await h.control('PUT', '/_sim/handsets/15555550100/delivery', { policy: 'immediate' });
  });
  afterEach(async () => {
    await h.sim.close();
    await rx.stop();
  });

  const failAllThreeAttempts = async () => {
    rx.answer = 500;
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const sent = await call((cb) => client.sms.message(cb, '15555550100', 'Hi', 'ARN'));
    await h.clock.advance(0);
    await h.clock.advance(10_000);
    await h.clock.advance(30_000);
    return String(sent.reference_id);
  };

  it('journals the callback as abandoned after the third failed attempt, and lists it', async () => {
    const ref = await failAllThreeAttempts();
    const list = await h.control('GET', '/_sim/callbacks/abandoned');
    expect(list.body).toMatchObject([
      {
        referenceId: ref,
        state: 'failed',
        attempts: [{ status: 500 }, { status: 500 }, { status: 500 }],
      },
    ]);
    const journal = (await h.control('GET', `/_sim/journal?reference_id=${ref}&kind=state`))
      .body as { detail: string }[];
    expect(journal.at(-1)?.detail).toMatch(
      /^delivery-report callback \d+ abandoned after 3 attempts/,
    );
  });

  it('redelivers one on request once the receiver is fixed, and it leaves the list', async () => {
    await failAllThreeAttempts();
    const [abandoned] = (await h.control('GET', '/_sim/callbacks/abandoned')).body as {
      id: number;
    }[];
    rx.answer = 200;
    const redelivered = await h.control('POST', `/_sim/callbacks/${abandoned?.id}/redeliver`);
    expect(redelivered).toMatchObject({
      status: 200,
      body: { state: 'delivered', attempts: [{}, {}, {}, { attempt: 4, status: 200 }] },
    });
    expect(rx.received.at(-1)?.json).toMatchObject({ status: { code: 200 } });
    expect((await h.control('GET', '/_sim/callbacks/abandoned')).body).toEqual([]);
  });

  it('keeps it abandoned when the redelivery fails too', async () => {
    await failAllThreeAttempts();
    const [abandoned] = (await h.control('GET', '/_sim/callbacks/abandoned')).body as {
      id: number;
    }[];
    const again = await h.control('POST', `/_sim/callbacks/${abandoned?.id}/redeliver`);
    expect(again.body).toMatchObject({ state: 'failed' });
    expect((await h.control('GET', '/_sim/callbacks/abandoned')).body).toHaveLength(1);
  });

  it('names the field of a bad or unknown id', async () => {
    expect(await h.control('POST', '/_sim/callbacks/abc/redeliver')).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_field', field: 'id' } },
    });
    expect(await h.control('POST', '/_sim/callbacks/999/redeliver')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', field: 'id' } },
    });
  });
});
