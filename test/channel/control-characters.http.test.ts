// Text fields refuse control characters over HTTP with a 400 naming the field; an SMS may hold line
// breaks, nothing else below U+0020.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  activeConversation,
  createHarness,
  expectError,
  type Harness,
  type Setup,
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

describe('control characters', () => {
  it('refuses a NUL in a work stream name, naming the field, and creates nothing', async () => {
    const before = (await h.api.get('/api/work-streams').expect(200)).body.length;
    expectError(
      await h.api.post('/api/work-streams').send({ name: 'Bil\u0000ling', mode: 'push' }),
      400,
      'VALIDATION_FAILED',
      { field: 'name', message: /name: contains a control character \(U\+0000 at position 3\)/ },
    );
    expect((await h.api.get('/api/work-streams').expect(200)).body).toHaveLength(before);
  });

  it('refuses an escape sequence in a contact field value and a line break in a name', async () => {
    expectError(
      await h.api
        .post('/api/contacts')
        .send({ firstName: 'Ada', lastName: 'L', fields: { city: '\u001b[2JParis' } }),
      400,
      'VALIDATION_FAILED',
      { field: 'fields.city' },
    );
    expectError(
      await h.api.post('/api/contacts').send({ firstName: 'Ada\nEve', lastName: 'L' }),
      400,
      'VALIDATION_FAILED',
      { field: 'firstName' },
    );
  });

  it('names the routing rule item whose text holds one', async () => {
    const response = await h.api.put(`/api/work-streams/${s.workStreamId}/routing-rules`).send([
      {
        name: 'VIP',
        condition: { field: 'contact.tier', op: 'equals', value: 'gold\u0000' },
        queueId: s.defaultQueueId,
      },
    ]);
    expectError(response, 400, 'VALIDATION_FAILED', { field: 'rules[0].condition.value' });
  });

  it('sends an SMS with line breaks and tabs, and refuses one with a NUL or an escape naming text', async () => {
    const id = await activeConversation(h, s);
    const send = (text: string) =>
      h.api.post(`/api/conversations/${id}/messages`).send({ agentId: s.agentId, text });
    expect((await send('Hello,\r\nyour order\n\tships today')).status).toBe(201);
    expect(h.gateway.sent.at(-1)?.text).toBe('Hello,\r\nyour order\n\tships today');
    for (const text of ['esc\u001bhere', 'nul\u0000here']) {
      expectError(await send(text), 400, 'VALIDATION_FAILED', {
        field: 'text',
        message: /only printable text is accepted, line breaks and tabs/,
      });
    }
    expect(h.gateway.sent).toHaveLength(1);
  });

  it('refuses one in a query parameter, saying it is in the query', async () => {
    expectError(await h.api.get('/api/conversations?contactId=ct%00x'), 400, 'VALIDATION_FAILED', {
      field: 'contactId',
      message: /^contactId \(in the query\): contains a control character/,
    });
  });
});
