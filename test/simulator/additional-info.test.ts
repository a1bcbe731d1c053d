// additional_info on delivery reports when the account enables it (reference/telesign.md §11.11).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { type Receiver, startReceiver } from './receiver';
import { call, sdkClient } from './telesign-sdk';

describe('additional_info on delivery reports', () => {
  let h: Harness;
  let rx: Receiver;
  beforeEach(async () => {
    h = await startHarness();
    rx = await startReceiver();
    await h.control('PUT', `/_sim/accounts/${h.customerId}/callback-url`, { url: rx.url });
  });
  afterEach(async () => {
    await h.sim.close();
    await rx.stop();
  });
  const sendAndDeliver = async (message: string) => {
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const sent = await call((cb) => client.sms.message(cb, '15555550100', message, 'ARN'));
    await h.clock.advance(1000);
    return String(sent.reference_id);
  };

  it('is absent by default', async () => {
    await sendAndDeliver('Hi');
    expect(rx.received.map((r) => 'additional_info' in r.json)).toEqual([false, false]);
  });

  it('carries parts, one 32-hex id per part, mcc/mnc, price and currency when enabled', async () => {
    await h.control('PUT', `/_sim/accounts/${h.customerId}/settings`, {
      additional_info: true,
      price_per_segment: 0.0075,
    });
    const ref = await sendAndDeliver('a'.repeat(200));
    const final = rx.received.at(-1)?.json;
    expect(final).toMatchObject({
      reference_id: ref,
      status: { code: 200, description: 'Delivered to handset' },
      additional_info: {
        message_parts_count: 2,
        mcc: '310',
        mnc: '260',
        price: 0.015,
        currency: 'USD',
      },
    });
    const info = final?.additional_info as { message_parts_reference_ids: string[] } | undefined;
    const ids = info?.message_parts_reference_ids ?? [];
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^[0-9A-F]{32}$/);
    expect(new Set(ids).size).toBe(2);
  });
});
