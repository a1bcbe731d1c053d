import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { rawRequest } from './raw-request';
import { type Receiver, startReceiver, teleSignSampleVerify } from './receiver';
import { call, sdkClient } from './telesign-sdk';

describe('sender_id override and SMS to purchased numbers (§11.8, R-NUM-5)', () => {
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

  const inboxOf = async (phone: string) =>
    (
      (await h.control('GET', `/_sim/handsets/${phone}/messages`)).body as {
        inbox: { from: string; text: string }[];
      }
    ).inbox;
  const apiJournal = async (referenceId: string) =>
    (await h.control('GET', `/_sim/journal?kind=api&reference_id=${referenceId}`)).body as {
      detail: string;
    }[];

  it('overrides a sender_id the account has not purchased with a pool number, and still sends', async () => {
    const body = await send(h.customerId, h.apiKey, {
      phone_number: '15555550100',
      sender_id: '14155550177',
      message: 'Hello',
    });
    expect(body.status).toMatchObject({ code: 290, description: 'Message in progress' });
    await h.clock.advance(1000);
    expect(await inboxOf('15555550100')).toEqual([
      expect.objectContaining({ from: '18445550199', text: 'Hello' }),
    ]);
    const [entry] = await apiJournal(String(body.reference_id));
    expect(entry?.detail).toContain(
      'sender_id 14155550177 overridden by TeleSign pool number 18445550199',
    );
  });

  it("overrides another account's purchased number too", async () => {
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
    expect(body.status).toMatchObject({ code: 290 });
    const record = await h.control('GET', `/_sim/messages/${body.reference_id}`);
    expect(record.body).toMatchObject({ sender_id: '18445550199' });
  });

  it('uses a purchased number, and an alphanumeric sender_id only once it is allow-listed', async () => {
    await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, { number: '12025550142' });
    const owned = await send(h.customerId, h.apiKey, {
      phone_number: '15555550101',
      sender_id: '12025550142',
    });
    const before = await send(h.customerId, h.apiKey, {
      phone_number: '15555550101',
      sender_id: 'ACME',
    });
    await h.control('PUT', `/_sim/accounts/${h.customerId}/settings`, { sender_ids: ['ACME'] });
    const after = await send(h.customerId, h.apiKey, {
      phone_number: '15555550101',
      sender_id: 'ACME',
    });
    const senders = await Promise.all(
      [owned, before, after].map(
        async (m) =>
          (
            (await h.control('GET', `/_sim/messages/${m.reference_id}`)).body as {
              sender_id: string;
            }
          ).sender_id,
      ),
    );
    expect(senders).toEqual(['12025550142', '18445550199', 'ACME']);
  });

  it('still refuses a malformed sender_id (over 20 characters) with 400/11013', async () => {
    const answer = await rawRequest(h.url, {
      customerId: h.customerId,
      apiKey: h.apiKey,
      body: new URLSearchParams({
        phone_number: '15555550100',
        message: 'Hi',
        message_type: 'ARN',
        sender_id: 'A'.repeat(21),
      }).toString(),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.status).toMatchObject({
      code: 11013,
      description: 'Invalid value for parameter sender_id',
    });
  });

  it('does not loop an overridden test SMS back from the requested number', async () => {
    const other = (await h.control('POST', '/_sim/accounts', {})).body as { customer_id: string };
    await h.control('POST', `/_sim/accounts/${other.customer_id}/numbers`, {
      number: '12025550160',
    });
    await send(h.customerId, h.apiKey, { phone_number: '12025550160', sender_id: '12025550160' });
    await h.clock.advance(1000);
    expect(rx.received.filter((r) => r.json.sub_resource === 'mo_sms')).toHaveLength(0);
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
