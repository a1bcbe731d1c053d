import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { type Receiver, startReceiver, teleSignSampleVerify } from './receiver';
import { call, sdkClient } from './telesign-sdk';

describe('sender_id ownership and SMS to purchased numbers (R-NUM-5)', () => {
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

  const send = (customerId: string, apiKey: string, params: Record<string, string>) => {
    const client = sdkClient(customerId, apiKey, h.url);
    return call((cb) =>
      client.rest.execute(cb, 'POST', '/v1/messaging', {
        message: 'Validation test',
        message_type: 'ARN',
        ...params,
      }),
    );
  };
  const journal = async () =>
    (await h.control('GET', `/_sim/journal?kind=state`)).body as { detail?: string }[];

  it('refuses a phone-number sender_id the account has not purchased with 11013', async () => {
    const body = await send(h.customerId, h.apiKey, {
      phone_number: '15555550100',
      sender_id: '14155550177',
    });
    expect(body.status).toMatchObject({
      code: 11013,
      description: 'Invalid value for parameter sender_id',
    });
  });

  it("refuses another account's purchased number as sender_id", async () => {
    const other = (await h.control('POST', '/_sim/accounts', {})).body as {
      customer_id: string;
      api_key: string;
    };
    await h.control('POST', `/_sim/accounts/${other.customer_id}/numbers`, {
      number: '12025550142',
    });
    const body = await send(h.customerId, h.apiKey, {
      phone_number: '15555550100',
      sender_id: '12025550142',
    });
    expect(body.status).toMatchObject({
      code: 11013,
      description: 'Invalid value for parameter sender_id',
    });
  });

  it('accepts a purchased number and an alphanumeric sender_id', async () => {
    await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, { number: '12025550142' });
    const owned = await send(h.customerId, h.apiKey, {
      phone_number: '15555550100',
      sender_id: '12025550142',
    });
    const alpha = await send(h.customerId, h.apiKey, {
      phone_number: '15555550100',
      sender_id: 'ACME',
    });
    expect([owned.status, alpha.status]).toMatchObject([{ code: 290 }, { code: 290 }]);
  });

  it('delivers an SMS to a purchased number as a signed mo_sms to the owner, journaled', async () => {
    await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, { number: '12025550142' });
    await send(h.customerId, h.apiKey, {
      phone_number: '12025550142',
      sender_id: '12025550142',
      message: 'Validation test from Billing',
    });
    await h.clock.advance(1000);
    const mo = rx.received.find((r) => r.json.sub_resource === 'mo_sms');
    expect(mo?.json.user_response).toEqual({
      phone_number: '12025550142',
      sender_id: '12025550142',
      mo_message: 'Validation test from Billing',
    });
    expect(teleSignSampleVerify(h.apiKey, mo?.authorization ?? '', mo?.body ?? '')).toBe(true);
    expect((await journal()).map((e) => e.detail)).toContain(
      'inbound SMS from 12025550142 to 12025550142 (28 UTF-16 units)',
    );
  });

  it("delivers it to the owning account's callback, from the sender's default number", async () => {
    const other = (await h.control('POST', '/_sim/accounts', {})).body as {
      customer_id: string;
      api_key: string;
    };
    const otherRx = await startReceiver();
    try {
      await h.control('PUT', `/_sim/accounts/${other.customer_id}/callback-url`, {
        url: otherRx.url,
      });
      await h.control('POST', `/_sim/accounts/${other.customer_id}/numbers`, {
        number: '12025550150',
      });
      await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, { number: '12025550142' });
      await send(h.customerId, h.apiKey, { phone_number: '12025550150', message: 'Hi there' });
      await h.clock.advance(1000);
      expect(rx.received.filter((r) => r.json.sub_resource === 'mo_sms')).toHaveLength(0);
      const [mo] = otherRx.received;
      expect(mo?.json.user_response).toEqual({
        phone_number: '12025550142',
        sender_id: '12025550150',
        mo_message: 'Hi there',
      });
      expect(teleSignSampleVerify(other.api_key, mo?.authorization ?? '', mo?.body ?? '')).toBe(
        true,
      );
    } finally {
      await otherRx.stop();
    }
  });

  it('retries the looped-back mo_sms like any inbound SMS', async () => {
    rx.answer = 500;
    await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, { number: '12025550142' });
    await send(h.customerId, h.apiKey, { phone_number: '12025550142', sender_id: '12025550142' });
    await h.clock.advance(1000);
    expect(rx.received).toHaveLength(0);
    rx.answer = 200;
    await h.clock.advance(10_000);
    expect(rx.received.filter((r) => r.json.sub_resource === 'mo_sms')).toHaveLength(1);
  });
});
