import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  activeConversation,
  CUSTOMER_NUMBER,
  createHarness,
  customerTexts,
  deliveryReportBody,
  expectError,
  type Harness,
  postCallback,
  type Setup,
  SUPPORT_NUMBER,
  setUpWorkStream,
} from './harness';

let h: Harness;
let s: Setup;
beforeEach(async () => {
  h = await createHarness();
  s = await setUpWorkStream(h);
});
afterEach(async () => {
  await h.close();
});

describe('agent actions', () => {
  it('offers, then accepts: Open → Active (R-AG-3)', async () => {
    const id = await customerTexts(h);
    await h.channel.service.dispatch();
    const offers = await h.api.get(`/api/agents/${s.agentId}/offers`).expect(200);
    expect(offers.body.map((c: { id: string }) => c.id)).toEqual([id]);
    const accepted = await h.api
      .post(`/api/conversations/${id}/accept`)
      .send({ agentId: s.agentId })
      .expect(200);
    expect(accepted.body).toMatchObject({ state: 'active', agentId: s.agentId });
  });

  it('refuses an accept without an agent id, naming the field', async () => {
    const id = await customerTexts(h);
    expectError(
      await h.api.post(`/api/conversations/${id}/accept`).send({}),
      400,
      'VALIDATION_FAILED',
      {
        field: 'agentId',
      },
    );
  });

  it('refuses an accept when there is no offer (R-AG-3)', async () => {
    const id = await customerTexts(h);
    const other = await h.api.post('/api/agents').send({ name: 'Bob' }).expect(201);
    await h.channel.service.dispatch();
    const response = await h.api
      .post(`/api/conversations/${id}/accept`)
      .send({ agentId: other.body.id });
    expect([409]).toContain(response.status);
    expect(['NO_OFFER', 'AGENT_NOT_ELIGIBLE']).toContain(response.body.error.code);
  });

  it('refuses pick on a push work stream (R-AG-4)', async () => {
    const id = await customerTexts(h);
    expectError(
      await h.api.post(`/api/conversations/${id}/pick`).send({ agentId: s.agentId }),
      409,
      'WRONG_MODE',
      {
        rule: 'R-AG-4',
      },
    );
  });

  it('rejects an offer', async () => {
    const id = await customerTexts(h);
    await h.channel.service.dispatch();
    const rejected = await h.api
      .post(`/api/conversations/${id}/reject`)
      .send({ agentId: s.agentId })
      .expect(200);
    expect(rejected.body.rejectedBy).toContain(s.agentId);
  });

  it('sends a reply through TeleSign with the work stream number as sender (R-MSG-5, R-MSG-6)', async () => {
    const id = await activeConversation(h, s);
    const sent = await h.api
      .post(`/api/conversations/${id}/messages`)
      .send({ agentId: s.agentId, text: 'On it!' })
      .expect(201);
    expect(sent.body).toMatchObject({
      direction: 'outbound',
      text: 'On it!',
      segments: 1,
      encoding: 'GSM-7',
    });
    expect(sent.body.telesignReferenceId).toMatch(/^[0-9A-F]{32}$/);
    expect(h.gateway.sent).toEqual([
      { to: CUSTOMER_NUMBER, from: SUPPORT_NUMBER, text: 'On it!', externalId: sent.body.id },
    ]);
  });

  it('refuses 1601 characters, giving the limit and the length, sending nothing (R-MSG-2)', async () => {
    const id = await activeConversation(h, s);
    const response = await h.api
      .post(`/api/conversations/${id}/messages`)
      .send({ agentId: s.agentId, text: 'a'.repeat(1601) });
    expectError(response, 400, 'MESSAGE_TOO_LONG', {
      rule: 'R-MSG-2',
      message: /1600.*1601|1601.*1600/,
    });
    expect(h.gateway.sent).toEqual([]);
  });

  it('refuses a whitespace-only message (R-MSG-4)', async () => {
    const id = await activeConversation(h, s);
    const response = await h.api
      .post(`/api/conversations/${id}/messages`)
      .send({ agentId: s.agentId, text: '   ' });
    expectError(response, 400, 'MESSAGE_EMPTY', { rule: 'R-MSG-4' });
  });

  it('refuses a message without text, naming the field', async () => {
    const id = await activeConversation(h, s);
    const response = await h.api
      .post(`/api/conversations/${id}/messages`)
      .send({ agentId: s.agentId });
    expectError(response, 400, 'VALIDATION_FAILED', {
      field: 'text',
      message: 'text: is required (string)',
    });
  });

  it('shows a TeleSign refusal on the message, and the service keeps working (R-MSG-5)', async () => {
    const id = await activeConversation(h, s);
    h.gateway.nextSend = {
      ok: false,
      code: 10019,
      description: 'Rate Limit Exceeded',
      retryable: true,
    };
    const failed = await h.api
      .post(`/api/conversations/${id}/messages`)
      .send({ agentId: s.agentId, text: 'Hi' });
    expect(failed.status).toBeLessThan(500);
    const conversation = await h.api.get(`/api/conversations/${id}`).expect(200);
    const outbound = conversation.body.messages.filter(
      (m: { direction: string }) => m.direction === 'outbound',
    );
    expect(outbound[0]?.failure).toMatchObject({ code: 10019 });
    await h.api
      .post(`/api/conversations/${id}/messages`)
      .send({ agentId: s.agentId, text: 'Again' })
      .expect(201);
  });

  it('applies a delivery report, never letting an intermediate overwrite a final one (R-MSG-7)', async () => {
    const id = await activeConversation(h, s);
    const sent = await h.api
      .post(`/api/conversations/${id}/messages`)
      .send({ agentId: s.agentId, text: 'Hi' })
      .expect(201);
    const ref = sent.body.telesignReferenceId;
    const report200 = await postCallback(
      h,
      deliveryReportBody(ref, sent.body.id, 200, 'Delivered to handset'),
    );
    expect(report200.status).toBe(200);
    const report203 = await postCallback(
      h,
      deliveryReportBody(ref, sent.body.id, 203, 'Delivered to gateway'),
    );
    expect(report203.status).toBe(200);
    const conversation = await h.api.get(`/api/conversations/${id}`).expect(200);
    const message = conversation.body.messages.find((m: { id: string }) => m.id === sent.body.id);
    expect(message.delivery).toMatchObject({ code: 200, final: true });
  });

  it('closes the session (→ Waiting), re-opens it (→ Active), ends it (→ Wrap-up) and closes it', async () => {
    const id = await activeConversation(h, s);
    const body = { agentId: s.agentId };
    expect(
      (await h.api.post(`/api/conversations/${id}/close-session`).send(body).expect(200)).body
        .state,
    ).toBe('waiting');
    expect(
      (await h.api.post(`/api/conversations/${id}/reopen`).send(body).expect(200)).body.state,
    ).toBe('active');
    const ended = await h.api.post(`/api/conversations/${id}/end`).send(body).expect(200);
    expect(ended.body).toMatchObject({ state: 'wrap-up', resolved: true });
    expect(
      (await h.api.post(`/api/conversations/${id}/close-session`).send(body).expect(200)).body
        .state,
    ).toBe('closed');
    expectError(
      await h.api.post(`/api/conversations/${id}/reopen`).send(body),
      409,
      'CONVERSATION_CLOSED',
      {
        rule: 'R-CV-1',
      },
    );
  });

  it('releases to the queue (→ Open)', async () => {
    const id = await activeConversation(h, s);
    const released = await h.api
      .post(`/api/conversations/${id}/release`)
      .send({ agentId: s.agentId })
      .expect(200);
    expect(released.body.state).toBe('open');
  });

  it('transfers to another queue (→ Open there)', async () => {
    const id = await activeConversation(h, s);
    const gold = await h.api.post('/api/queues').send({ name: 'Gold' }).expect(201);
    const moved = await h.api
      .post(`/api/conversations/${id}/transfer`)
      .send({ agentId: s.agentId, queueId: gold.body.id })
      .expect(200);
    expect(moved.body).toMatchObject({ state: 'open', queueId: gold.body.id });
  });

  it('refuses a transfer without a queue, naming the field', async () => {
    const id = await activeConversation(h, s);
    const response = await h.api
      .post(`/api/conversations/${id}/transfer`)
      .send({ agentId: s.agentId });
    expectError(response, 400, 'VALIDATION_FAILED', { field: 'queueId' });
  });

  it('refuses an action by an agent who does not hold the conversation (R-CV-5)', async () => {
    const id = await activeConversation(h, s);
    const other = await h.api.post('/api/agents').send({ name: 'Bob' }).expect(201);
    expectError(
      await h.api.post(`/api/conversations/${id}/end`).send({ agentId: other.body.id }),
      403,
      'NOT_CONVERSATION_AGENT',
      {
        rule: 'R-CV-5',
      },
    );
  });

  it('links a contact to the conversation (R-RT-2)', async () => {
    const id = await activeConversation(h, s);
    const contact = await h.api
      .post('/api/contacts')
      .send({ firstName: 'G', lastName: 'H' })
      .expect(201);
    const linked = await h.api
      .post(`/api/conversations/${id}/contact`)
      .send({ agentId: s.agentId, contactId: contact.body.id })
      .expect(200);
    expect(linked.body).toMatchObject({ contactId: contact.body.id, contactMatch: 'linked' });
  });

  it('refuses a contact link without a contact id', async () => {
    const id = await activeConversation(h, s);
    const response = await h.api
      .post(`/api/conversations/${id}/contact`)
      .send({ agentId: s.agentId });
    expectError(response, 400, 'VALIDATION_FAILED', { field: 'contactId' });
  });
});
