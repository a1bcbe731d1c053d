// TeleSign's managed opt-out (reference/telesign.md §11.9): STOP, START, HELP; later sends end in 510.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buyNumber, type Harness, startHarness } from './harness';
import { rawRequest } from './raw-request';
import { type Receiver, startReceiver } from './receiver';
import { call, sdkClient } from './telesign-sdk';

const PHONE = '12025550101';

describe('managed opt-out', () => {
  let h: Harness;
  let rx: Receiver;
  let number: string;
  beforeEach(async () => {
    h = await startHarness();
    rx = await startReceiver();
    await h.control('PUT', `/_sim/accounts/${h.customerId}/callback-url`, { url: rx.url });
    number = await buyNumber(h);
  });
  afterEach(async () => {
    await h.sim.close();
    await rx.stop();
  });

  const text = (body: string, to = number) =>
    h.control('POST', `/_sim/handsets/${PHONE}/messages`, { to, text: body });
  const inbox = async () =>
    (
      (await h.control('GET', `/_sim/handsets/${PHONE}/messages`)).body as {
        inbox: { from: string; text: string }[];
      }
    ).inbox;
  const sendAndSettle = async (from = number) => {
    const sent = await rawRequest(h.url, {
      customerId: h.customerId,
      apiKey: h.apiKey,
      body: new URLSearchParams({
        phone_number: PHONE,
        message: 'Your order shipped',
        message_type: 'ARN',
        sender_id: from,
      }).toString(),
    });
    await h.clock.advance(1_000);
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const status = await call((cb) => client.sms.status(cb, String(sent.body.reference_id)));
    return { sent, status: status.status as { code: number; description: string } };
  };

  it('opts a handset out on STOP, replies from the number, and still posts the mo_sms', async () => {
    await text('STOP');
    expect(await inbox()).toEqual([
      expect.objectContaining({
        from: number,
        text: 'You are unsubscribed from messages from this number. No more messages will be sent. Reply START to resubscribe.',
      }),
    ]);
    expect(rx.received.map((r) => r.json.user_response)).toEqual([
      { phone_number: PHONE, sender_id: number, mo_message: 'STOP' },
    ]);
    const state = await h.control('GET', `/_sim/handsets/${PHONE}/opt-outs`);
    expect(state.body).toMatchObject({ phone: PHONE, opt_outs: [{ number, keyword: 'STOP' }] });
  });

  it("accepts a later send with 200/290 and ends it in 510 with TeleSign's text", async () => {
    await text('stop');
    const { sent, status } = await sendAndSettle();
    expect(sent.status).toBe(200);
    expect(sent.body.status).toMatchObject({ code: 290, description: 'Message in progress' });
    expect(status).toEqual({
      code: 510,
      description: 'Message blocked by subscriber action or request',
      updated_on: expect.stringMatching(/\.\d{6}Z$/),
    });
    const reports = rx.received.filter((r) => r.json.sub_resource === 'sms');
    expect(reports.map((r) => (r.json.status as { code: number }).code)).toEqual([510]);
    expect((await inbox()).map((m) => m.text)).not.toContain('Your order shipped');
  });

  it('knows every keyword of the STOP family', async () => {
    for (const keyword of ['ARRET', 'arrêt', 'Cancel', 'END', 'quit', ' unsubscribe ']) {
      await h.control('DELETE', `/_sim/handsets/${PHONE}/opt-outs/${number}`);
      await text(keyword);
      const { status } = await sendAndSettle();
      expect(status.code, keyword).toBe(510);
    }
  });

  it('opts back in on START, with a confirmation, and the next send is delivered', async () => {
    await text('STOP');
    await text('Start');
    expect((await inbox()).at(-1)?.text).toBe(
      'You are resubscribed to messages from this number. Reply STOP to unsubscribe.',
    );
    const { status } = await sendAndSettle();
    expect(status).toMatchObject({ code: 200, description: 'Delivered to handset' });
  });

  it('answers HELP without opting out', async () => {
    await text('HELP');
    expect((await inbox()).at(-1)?.text).toMatch(/^Reply STOP to unsubscribe/);
    expect((await sendAndSettle()).status.code).toBe(200);
  });

  it('treats a keyword inside a sentence as an ordinary text', async () => {
    await text('Please stop the order');
    expect(await inbox()).toEqual([]);
    expect((await sendAndSettle()).status.code).toBe(200);
  });

  it('blocks only the number the handset opted out of', async () => {
    const other = (
      (await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, {})).body as {
        number: string;
      }
    ).number;
    await text('STOP');
    expect((await sendAndSettle(other)).status.code).toBe(200);
    expect((await sendAndSettle(number)).status.code).toBe(510);
  });

  it("uses the account's reply texts, and does nothing when managed opt-out is off", async () => {
    const set = await h.control('PUT', `/_sim/accounts/${h.customerId}/settings`, {
      opt_out: { stop_reply: 'Bye from ACME' },
    });
    expect(set.body).toMatchObject({ opt_out: { enabled: true, stop_reply: 'Bye from ACME' } });
    await text('STOP');
    expect((await inbox()).at(-1)?.text).toBe('Bye from ACME');
    await h.control('PUT', `/_sim/accounts/${h.customerId}/settings`, {
      opt_out: { enabled: false },
    });
    await text('STOP');
    expect(await inbox()).toHaveLength(1);
    expect((await sendAndSettle()).status.code).toBe(200);
  });

  it('opts out and back in through the control plane', async () => {
    const out = await h.control('PUT', `/_sim/handsets/${PHONE}/opt-outs/${number}`);
    expect(out).toMatchObject({ status: 200, body: { number, keyword: 'control plane' } });
    expect((await sendAndSettle()).status.code).toBe(510);
    const back = await h.control('DELETE', `/_sim/handsets/${PHONE}/opt-outs/${number}`);
    expect(back).toMatchObject({ status: 200, body: { opted_out: false } });
    expect((await sendAndSettle()).status.code).toBe(200);
  });

  it('names the field of bad input to the new control routes', async () => {
    expect(
      await h.control('PUT', `/_sim/accounts/${h.customerId}/settings`, {
        opt_out: { stop_reply: '' },
      }),
    ).toEqual({
      status: 400,
      body: {
        error: {
          code: 'invalid_field',
          message: 'opt_out.stop_reply: must not be empty',
          field: 'opt_out.stop_reply',
        },
      },
    });
    expect(
      await h.control('PUT', `/_sim/accounts/${h.customerId}/settings`, { opt_out: { on: true } }),
    ).toMatchObject({ status: 400, body: { error: { code: 'invalid_field' } } });
    expect(await h.control('PUT', `/_sim/handsets/${PHONE}/opt-outs/19995550100`)).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', field: 'number' } },
    });
    expect(await h.control('PUT', `/_sim/handsets/+1202/opt-outs/${number}`)).toMatchObject({
      status: 400,
      body: { error: { field: 'phone' } },
    });
    expect(await h.control('DELETE', `/_sim/handsets/${PHONE}/opt-outs/${number}`)).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', field: 'number' } },
    });
  });
});
