import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CUSTOMER_NUMBER,
  createHarness,
  customerTexts,
  expectError,
  type Harness,
  moSmsBody,
  nextReferenceId,
  postCallback,
  SUPPORT_NUMBER,
  setUpWorkStream,
} from './harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await setUpWorkStream(h);
});
afterEach(async () => {
  await h.close();
});

describe('inbound URL', () => {
  it('opens a conversation for a signed inbound SMS and answers { ok: true } (R-CV-2)', async () => {
    const response = await postCallback(
      h,
      moSmsBody(CUSTOMER_NUMBER, SUPPORT_NUMBER, 'Hi', nextReferenceId()),
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true });
    const list = await h.api.get('/api/conversations').expect(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      customerNumber: CUSTOMER_NUMBER,
      state: 'open',
      routedBy: 'default',
    });
  });

  it('refuses a forged signature with 401 and changes nothing (R-SEC-1)', async () => {
    const response = await postCallback(
      h,
      moSmsBody(CUSTOMER_NUMBER, SUPPORT_NUMBER, 'Hi', nextReferenceId()),
      'b3RoZXJLZXk=',
    );
    expectError(response, 401, 'INBOUND_SIGNATURE_INVALID', { rule: 'R-SEC-1' });
    expect((await h.api.get('/api/conversations').expect(200)).body).toEqual({
      items: [],
      next: null,
    });
  });

  it('refuses an unsigned callback with 401 (R-SEC-1)', async () => {
    const org = await h.api.get('/api/organisation').expect(200);
    const response = await h.api
      .post(new URL(org.body.inboundUrl).pathname)
      .set('content-type', 'application/json')
      .send(moSmsBody(CUSTOMER_NUMBER, SUPPORT_NUMBER, 'Hi', nextReferenceId()));
    expectError(response, 401, 'INBOUND_SIGNATURE_INVALID');
  });

  it('answers 404 on a guessed token (R-SEC-1)', async () => {
    const org = await h.api.get('/api/organisation').expect(200);
    const response = await h.api
      .post(`/telesign/inbound/${org.body.id}/guessed`)
      .set('content-type', 'application/json')
      .send('{}');
    expectError(response, 404, 'INBOUND_URL_UNKNOWN');
  });

  it('adds a retried callback once and still answers 200 (R-MSG-7)', async () => {
    const body = moSmsBody(CUSTOMER_NUMBER, SUPPORT_NUMBER, 'Hi', nextReferenceId());
    expect((await postCallback(h, body)).status).toBe(200);
    expect((await postCallback(h, body)).status).toBe(200);
    const [conversation] = (await h.api.get('/api/conversations').expect(200)).body.items;
    expect(conversation.messages).toHaveLength(1);
  });

  it('acknowledges a number no work stream owns and journals it as unroutable (R-SEC-2)', async () => {
    const response = await postCallback(
      h,
      moSmsBody(CUSTOMER_NUMBER, '14155550999', 'Hi', nextReferenceId()),
    );
    expect(response.status).toBe(200);
    const events = await h.api.get('/api/inbound-events').expect(200);
    expect(events.body.items.map((e: { outcome: string }) => e.outcome)).toEqual(['unroutable']);
  });
});

describe('events', () => {
  it('streams what happens as server-sent events', async () => {
    const response = await h.channel.app.request('/api/events');
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no stream');
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    await customerTexts(h);
    while (!text.includes('event: message.received'))
      text += decoder.decode((await reader.read()).value);
    expect(text).toContain('event: conversation.opened');
    await reader.cancel();
  });
});
