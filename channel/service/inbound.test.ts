import { describe, expect, it } from 'vitest';
import { callbackAuthHeaders } from '../../lib/telesign-signing';
import { CUSTOMER_ID, conversationOf, createHarness } from '../../test/channel/service-harness';

const refusal = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe('inbound URL security (R-SEC-1, R-SEC-2)', () => {
  it('refuses an unsigned callback and changes nothing', async () => {
    const h = await createHarness();
    await h.workStream();
    const body = JSON.stringify({
      reference_id: 'X1',
      sub_resource: 'mo_sms',
      user_response: { phone_number: '14255550123', sender_id: '14255550100', mo_message: 'hi' },
    });
    expect(await refusal(h.callback(body, undefined))).toMatchObject({
      code: 'INBOUND_SIGNATURE_INVALID',
      message:
        'The callback does not carry a valid TeleSign signature: it carries no Authorization header.',
    });
    expect(h.service.listConversations()).toEqual([]);
    expect(h.service.listInboundEvents()).toEqual([]);
  });

  it('refuses a forged signature and changes nothing', async () => {
    const h = await createHarness();
    await h.workStream();
    const forged = Buffer.from('not the key').toString('base64');
    expect(await refusal(h.text('hi', { apiKey: forged }))).toMatchObject({
      code: 'INBOUND_SIGNATURE_INVALID',
      message:
        'The callback does not carry a valid TeleSign signature: the signature does not match the body.',
    });
    expect(h.service.listConversations()).toEqual([]);
  });

  it('refuses a body altered after signing', async () => {
    const h = await createHarness();
    await h.workStream();
    const body =
      '{"reference_id":"X1","sub_resource":"mo_sms","user_response":{"phone_number":"14255550123","sender_id":"14255550100","mo_message":"hi"}}';
    const auth = callbackAuthHeaders(CUSTOMER_ID, 'c2lnbmVk', body).Authorization;
    expect(await refusal(h.callback(body.replace('hi', 'ho'), auth))).toMatchObject({
      code: 'INBOUND_SIGNATURE_INVALID',
    });
  });

  it('refuses a callback to a wrong inbound URL', async () => {
    const h = await createHarness();
    const error = await refusal(
      h.service.receiveCallback({
        orgId: 'org_x',
        token: 'guess',
        rawBody: '{}',
        authorization: undefined,
      }),
    );
    expect(error).toMatchObject({
      code: 'INBOUND_URL_UNKNOWN',
      message: 'This is not the organisation inbound URL.',
    });
  });

  it('acknowledges an SMS to a number no work stream owns and records it as unroutable (R-SEC-2)', async () => {
    const h = await createHarness();
    await h.workStream();
    const result = await h.text('hello?', { to: '14255550199' });
    expect(result).toEqual({ kind: 'unroutable', supportNumber: '14255550199' });
    expect(h.service.listInboundEvents()).toMatchObject([
      { outcome: 'unroutable', rawBody: expect.stringContaining('hello?') },
    ]);
    expect(h.events).toContainEqual(
      expect.objectContaining({ type: 'inbound.unroutable', supportNumber: '14255550199' }),
    );
    expect(h.service.listConversations()).toEqual([]);
  });
});

describe('inbound SMS (R-CV-2, R-MSG-3, R-MSG-7)', () => {
  it('adds a retried callback with the same reference id once (R-MSG-7)', async () => {
    const h = await createHarness();
    await h.workStream();
    const first = await h.text('hi', { referenceId: 'AAAA0000000000000000000000000001' });
    const again = await h.text('hi', { referenceId: 'AAAA0000000000000000000000000001' });
    expect(again).toEqual({ ...first, duplicate: true });
    expect(h.service.getConversation(conversationOf(first)).messages).toHaveLength(1);
    expect(h.service.listInboundEvents().map((e) => e.outcome)).toEqual(['accepted', 'duplicate']);
  });

  it('keeps the first 1600 characters of a longer SMS, marked truncated, and the full raw event (R-MSG-3)', async () => {
    const h = await createHarness();
    await h.workStream();
    const long = `${'a'.repeat(1600)}TAIL`;
    const id = conversationOf(await h.text(long));
    expect(h.service.getConversation(id).messages[0]).toMatchObject({
      text: 'a'.repeat(1600),
      truncated: true,
      chars: 1600,
    });
    expect(
      JSON.parse(h.service.listInboundEvents()[0]?.rawBody ?? '{}').user_response.mo_message,
    ).toBe(long);
  });

  it('accepts exactly 1600 characters untouched (R-MSG-1)', async () => {
    const h = await createHarness();
    await h.workStream();
    const id = conversationOf(await h.text('😀'.repeat(1600)));
    expect(h.service.getConversation(id).messages[0]).toMatchObject({
      truncated: false,
      chars: 1600,
      encoding: 'UCS-2',
    });
  });

  it('attaches a second SMS to the live conversation of the same customer and support number (R-CV-2)', async () => {
    const h = await createHarness();
    await h.workStream();
    const first = conversationOf(await h.text('one'));
    const second = conversationOf(await h.text('two'));
    expect(second).toBe(first);
    expect(h.service.getConversation(first).messages.map((m) => m.text)).toEqual(['one', 'two']);
  });

  it('opens a separate conversation for another customer number (R-CV-2)', async () => {
    const h = await createHarness();
    await h.workStream();
    const first = conversationOf(await h.text('one'));
    expect(conversationOf(await h.text('two', { from: '14255550124' }))).not.toBe(first);
  });

  it('opens a new conversation when the customer texts during Wrap-up, leaving the old one as it is (R-CV-2)', async () => {
    const h = await createHarness();
    await h.workStream();
    const agent = await h.agent('Alice');
    const old = conversationOf(await h.text('one'));
    await h.service.accept(agent, old);
    await h.service.end(agent, old);
    const fresh = conversationOf(await h.text('thanks, one more thing'));
    expect(fresh).not.toBe(old);
    expect(h.service.getConversation(old)).toMatchObject({ state: 'wrap-up', resolved: true });
    expect(h.service.getConversation(old).messages).toHaveLength(1);
  });

  it('opens a new conversation after the old one closed, never re-opening it (R-CV-1)', async () => {
    const h = await createHarness();
    await h.workStream();
    const agent = await h.agent('Alice');
    const old = conversationOf(await h.text('one'));
    await h.service.accept(agent, old);
    await h.service.end(agent, old);
    await h.service.closeSession(agent, old);
    const fresh = conversationOf(await h.text('again'));
    expect(fresh).not.toBe(old);
    expect(h.service.getConversation(old).state).toBe('closed');
  });

  it('moves a Waiting conversation back to Open and offers it to the same agent first (R-CV table)', async () => {
    const h = await createHarness();
    await h.workStream();
    const alice = await h.agent('Alice');
    const id = conversationOf(await h.text('one'));
    await h.service.accept(alice, id);
    await h.service.closeSession(alice, id);
    await h.agent('Bob');
    await h.service.updateAgent(alice, { capacity: 90 });
    const again = conversationOf(await h.text('me again'));
    expect(again).toBe(id);
    expect(h.service.getConversation(id)).toMatchObject({
      state: 'open',
      offer: { agentId: alice },
    });
    expect(h.service.getConversation(id).transitions.at(-1)).toMatchObject({
      from: 'waiting',
      to: 'open',
      actor: { kind: 'customer' },
    });
  });
});

describe('concurrent retries (R-MSG-7)', () => {
  it('adds one message when the same reference id arrives twice at the same time', async () => {
    const h = await createHarness();
    await h.workStream();
    const [a, b] = await Promise.all([
      h.text('hi', { referenceId: 'BBBB0000000000000000000000000001' }),
      h.text('hi', { referenceId: 'BBBB0000000000000000000000000001' }),
    ]);
    expect([a, b].map((r) => r.kind === 'message' && r.duplicate).sort()).toEqual([false, true]);
    expect(h.service.listConversations().flatMap((c) => c.messages)).toHaveLength(1);
  });
});
