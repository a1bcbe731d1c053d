import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CUSTOMER_NUMBER as CUSTOMER,
  createHarness,
  customerTexts,
  expectError,
  type Harness,
  setUpWorkStream,
} from './harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

const account = { name: 'Contoso Ltd', mainPhone: '+14155550123', fields: { tier: 'key' } };

describe('accounts (R-RT-1)', () => {
  it('creates, reads, changes, lists and deletes an account', async () => {
    const created = await h.api.post('/api/accounts').send(account).expect(201);
    expect(created.body).toMatchObject({ ...account, status: 'active' });
    const id = created.body.id;
    await h.api.get(`/api/accounts/${id}`).expect(200);
    const changed = await h.api
      .patch(`/api/accounts/${id}`)
      .send({ status: 'inactive', mainPhone: '' })
      .expect(200);
    expect(changed.body).toMatchObject({ status: 'inactive' });
    expect(changed.body.mainPhone).toBeUndefined();
    expect((await h.api.get('/api/accounts').expect(200)).body).toHaveLength(1);
    await h.api.delete(`/api/accounts/${id}`).expect(204);
    expectError(await h.api.get(`/api/accounts/${id}`), 404, 'NOT_FOUND');
  });

  it('refuses an account without a name, naming the field', async () => {
    const response = await h.api.post('/api/accounts').send({ mainPhone: '+14155550123' });
    expectError(response, 400, 'VALIDATION_FAILED', { field: 'name' });
  });

  it('refuses a main phone with letters', async () => {
    const response = await h.api.post('/api/accounts').send({ name: 'X', mainPhone: 'call us' });
    expectError(response, 400, 'VALIDATION_FAILED', { field: 'mainPhone' });
  });

  it('R-RT-1: a conversation from an account main phone says it is linked to that account', async () => {
    await setUpWorkStream(h);
    const created = await h.api
      .post('/api/accounts')
      .send({ name: 'Contoso', mainPhone: `+${CUSTOMER}` })
      .expect(201);
    const conversationId = await customerTexts(h, 'hi', CUSTOMER);
    const conversation = (await h.api.get(`/api/conversations/${conversationId}`).expect(200)).body;
    expect(conversation).toMatchObject({
      accountId: created.body.id,
      contactMatch: 'linked',
      linkedKind: 'account',
    });
  });

  it('R-RT-3: refuses a routing rule on the message text with 400 naming the field and the allowed ones', async () => {
    const s = await setUpWorkStream(h);
    const queues = (await h.api.get('/api/queues').expect(200)).body as Array<{ id: string }>;
    const response = await h.api.put(`/api/work-streams/${s.workStreamId}/routing-rules`).send([
      {
        name: 'Refunds',
        condition: { field: 'message.text', op: 'contains', value: 'refund' },
        queueId: queues[0]?.id,
      },
    ]);
    expectError(response, 400, 'ROUTING_FIELD_NOT_ALLOWED', {
      field: 'rules[0].condition.field',
      message:
        /cannot test message\.text: it may test contact\.<field>, account\.<field>, customer\.number, support\.number/,
    });
  });
});
