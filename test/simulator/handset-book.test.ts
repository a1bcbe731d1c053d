// Handsets on the control plane: created before they text, read without being created, cleared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyNumber, type Harness, startHarness } from './harness';

describe('handsets created and cleared on the control plane', () => {
  let h: Harness;
  let number: string;
  beforeAll(async () => {
    h = await startHarness();
    number = await buyNumber(h);
  });
  afterAll(() => h.sim.close());

  const listed = async () =>
    ((await h.control('GET', '/_sim/handsets')).body as { phone: string }[]).map((x) => x.phone);

  it('creates a handset once (201, then 200) and lists it before it ever texts', async () => {
    const first = await h.control('PUT', '/_sim/handsets/12025550140');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ phone: '12025550140', created_at: expect.any(String) });
    const again = await h.control('PUT', '/_sim/handsets/12025550140', {});
    expect(again).toEqual({ status: 200, body: first.body });
    expect(await listed()).toContain('12025550140');
    const one = await h.control('GET', '/_sim/handsets/12025550140');
    expect(one.body).toMatchObject({ phone: '12025550140', inbox: 0, outbox: 0 });
    expect((one.body as { created_at: string }).created_at).toBe(
      (first.body as { created_at: string }).created_at,
    );
  });

  it('never creates a handset by reading it: an unknown phone is a 404 and stays unknown', async () => {
    const read = await h.control('GET', '/_sim/handsets/12025550141');
    expect(read).toEqual({
      status: 404,
      body: {
        error: {
          code: 'not_found',
          message:
            'no handset 12025550141: it was never created, never texted and was never sent to',
          field: 'phone',
        },
      },
    });
    await h.control('GET', '/_sim/handsets/12025550141/messages');
    await h.control('GET', '/_sim/handsets/12025550141/opt-outs');
    expect(await listed()).not.toContain('12025550141');
  });

  it('refuses a malformed phone, a body with fields, and a purchased number, naming the field', async () => {
    const bad = await h.control('PUT', '/_sim/handsets/+12025550142');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'invalid_field', field: 'phone' } });
    const extra = await h.control('PUT', '/_sim/handsets/12025550142', { name: 'Ann' });
    expect(extra.status).toBe(400);
    expect(extra.body).toEqual({
      error: { code: 'invalid_field', message: 'name: is not a field of this body', field: 'name' },
    });
    const purchased = await h.control('PUT', `/_sim/handsets/${number}`);
    expect(purchased).toEqual({
      status: 409,
      body: {
        error: {
          code: 'conflict',
          message: `phone: ${number} is a purchased TeleSign number, not a customer's handset`,
          field: 'phone',
        },
      },
    });
    expect(await listed()).not.toContain('12025550142');
  });

  it("clears a handset's thread, keeping TeleSign's records and naming the last one sent to it", async () => {
    const phone = '12025550143';
    const account = h.sim.backend.accounts.get(h.customerId);
    const sent = h.sim.backend.sendMessage(account, {
      phoneNumber: phone,
      message: 'Your code is 1234',
      messageType: 'OTP',
      senderId: number,
      externalId: null,
      callbackUrl: null,
    });
    await h.clock.advance(60_000);
    await h.control('POST', `/_sim/handsets/${phone}/messages`, { to: number, text: 'Thanks' });
    const before = await h.control('GET', `/_sim/handsets/${phone}/messages`);
    expect(before.body).toMatchObject({ inbox: [{}], outbox: [{}], cleared_after: null });

    const cleared = await h.control('DELETE', `/_sim/handsets/${phone}/messages`);
    expect(cleared).toEqual({
      status: 200,
      body: { phone, removed: 2, cleared_after: sent.referenceId },
    });
    const after = await h.control('GET', `/_sim/handsets/${phone}/messages`);
    expect(after.body).toEqual({ phone, inbox: [], outbox: [], cleared_after: sent.referenceId });
    const records = await h.control('GET', `/_sim/messages?phone_number=${phone}`);
    expect((records.body as { reference_id: string }[]).map((m) => m.reference_id)).toEqual([
      sent.referenceId,
    ]);
  });

  it("reads the newest N of a handset's thread and of TeleSign's records for it with ?limit", async () => {
    const phone = '12025550146';
    const account = h.sim.backend.accounts.get(h.customerId);
    const refs: string[] = [];
    for (let i = 0; i < 3; i++) {
      await h.control('POST', `/_sim/handsets/${phone}/messages`, { to: number, text: `t${i}` });
      refs.push(
        h.sim.backend.sendMessage(account, {
          phoneNumber: phone,
          message: `m${i}`,
          messageType: 'ARN',
          senderId: number,
          externalId: null,
          callbackUrl: null,
        }).referenceId,
      );
    }
    const thread = await h.control('GET', `/_sim/handsets/${phone}/messages?limit=2`);
    const sentTexts = (thread.body as { outbox: { text: string }[] }).outbox.map((m) => m.text);
    expect(sentTexts).toEqual(['t1', 't2']);
    const records = await h.control('GET', `/_sim/messages?phone_number=${phone}&limit=2`);
    const ids = (records.body as { reference_id: string }[]).map((m) => m.reference_id);
    expect(ids).toEqual(refs.slice(1));
    const bad = await h.control('GET', `/_sim/messages?phone_number=${phone}&limit=0`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'invalid_field', field: 'limit' } });
  });

  it('refuses to clear a phone the fake does not know (404), without creating it', async () => {
    const cleared = await h.control('DELETE', '/_sim/handsets/12025550144/messages');
    expect(cleared.status).toBe(404);
    expect(cleared.body).toMatchObject({ error: { code: 'not_found', field: 'phone' } });
    expect(await listed()).not.toContain('12025550144');
  });

  it('resets the traffic but keeps accounts and numbers with keep_accounts', async () => {
    await h.control('PUT', '/_sim/handsets/12025550145');
    const bad = await h.control('POST', '/_sim/reset', { keep_accounts: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'invalid_field', field: 'keep_accounts' } });
    expect(await listed()).toContain('12025550145');

    const reset = await h.control('POST', '/_sim/reset', { keep_accounts: true });
    expect(reset).toEqual({ status: 200, body: { reset: true, kept_accounts: true } });
    expect(await listed()).toEqual([]);
    expect((await h.control('GET', '/_sim/messages')).body).toEqual([]);
    expect((await h.control('GET', `/_sim/accounts/${h.customerId}`)).status).toBe(200);
    const numbers = await h.control('GET', `/_sim/accounts/${h.customerId}/numbers`);
    expect((numbers.body as { number: string }[]).map((n) => n.number)).toEqual([number]);
  });
});
