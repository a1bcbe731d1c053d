import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
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

describe('queues', () => {
  it('has one default queue from the start (R-RT-4)', async () => {
    const response = await h.api.get('/api/queues').expect(200);
    expect(response.body.filter((q: { isDefault: boolean }) => q.isDefault)).toHaveLength(1);
  });

  it('creates a queue', async () => {
    const response = await h.api.post('/api/queues').send({ name: 'Gold' }).expect(201);
    expect(response.body).toMatchObject({ name: 'Gold', isDefault: false });
  });

  it('refuses an empty queue name, naming the field', async () => {
    expectError(await h.api.post('/api/queues').send({ name: '' }), 400, 'VALIDATION_FAILED', {
      field: 'name',
      message: 'name: a queue needs a name',
    });
  });

  it('refuses to delete the default queue (R-RT-4)', async () => {
    const queues = await h.api.get('/api/queues').expect(200);
    const defaultQueue = queues.body.find((q: { isDefault: boolean }) => q.isDefault);
    expectError(
      await h.api.delete(`/api/queues/${defaultQueue.id}`),
      409,
      'DEFAULT_QUEUE_UNDELETABLE',
      {
        rule: 'R-RT-4',
      },
    );
  });

  it('deletes an unused queue', async () => {
    const gold = await h.api.post('/api/queues').send({ name: 'Gold' }).expect(201);
    await h.api.delete(`/api/queues/${gold.body.id}`).expect(204);
  });

  it('refuses to delete a queue a routing rule uses (R-RT-3)', async () => {
    const { workStreamId } = await setUpWorkStream(h);
    const gold = await h.api.post('/api/queues').send({ name: 'Gold' }).expect(201);
    await h.api
      .put(`/api/work-streams/${workStreamId}/routing-rules`)
      .send([
        {
          name: 'VIP',
          condition: { field: 'customer.number', op: 'begins-with', value: '1415' },
          queueId: gold.body.id,
        },
      ])
      .expect(200);
    expectError(await h.api.delete(`/api/queues/${gold.body.id}`), 409, 'QUEUE_IN_USE');
  });
});

describe('routing rules', () => {
  it('replaces rules in order and lists them back in that order (R-RT-5)', async () => {
    const { workStreamId, defaultQueueId } = await setUpWorkStream(h);
    const rules = [
      {
        name: 'First',
        condition: { field: 'contact.city', op: 'equals', value: 'Paris' },
        queueId: defaultQueueId,
      },
      {
        name: 'Second',
        condition: { any: [{ field: 'customer.number', op: 'exists' }] },
        queueId: defaultQueueId,
      },
    ];
    await h.api.put(`/api/work-streams/${workStreamId}/routing-rules`).send(rules).expect(200);
    const listed = await h.api.get(`/api/work-streams/${workStreamId}/routing-rules`).expect(200);
    expect(listed.body.map((r: { name: string }) => r.name)).toEqual(['First', 'Second']);
  });

  it('routes by the first matching rule and records it (R-RT-3, R-RT-5)', async () => {
    const { workStreamId } = await setUpWorkStream(h);
    const gold = await h.api.post('/api/queues').send({ name: 'Gold' }).expect(201);
    await h.api
      .put(`/api/work-streams/${workStreamId}/routing-rules`)
      .send([
        {
          name: 'US',
          condition: { field: 'customer.number', op: 'begins-with', value: '1' },
          queueId: gold.body.id,
        },
      ])
      .expect(200);
    const id = await customerTexts(h);
    const conversation = await h.api.get(`/api/conversations/${id}`).expect(200);
    expect(conversation.body.queueId).toBe(gold.body.id);
    expect(conversation.body.routedBy).toMatchObject({ ruleName: 'US' });
  });

  it('refuses an unknown operator, naming the nested field', async () => {
    const { workStreamId, defaultQueueId } = await setUpWorkStream(h);
    const response = await h.api.put(`/api/work-streams/${workStreamId}/routing-rules`).send([
      {
        name: 'Bad',
        condition: { all: [{ field: 'contact.city', op: 'like' }] },
        queueId: defaultQueueId,
      },
    ]);
    expectError(response, 400, 'VALIDATION_FAILED', {
      field: 'rules[0].condition.all[0].op',
      message: /Invalid option/,
    });
  });

  it('refuses a body that is not a list of rules', async () => {
    const { workStreamId } = await setUpWorkStream(h);
    const response = await h.api
      .put(`/api/work-streams/${workStreamId}/routing-rules`)
      .send({ rules: [] });
    expectError(response, 400, 'VALIDATION_FAILED', { field: 'rules', message: /expected array/ });
  });

  it('refuses a rule without a name', async () => {
    const { workStreamId, defaultQueueId } = await setUpWorkStream(h);
    const response = await h.api
      .put(`/api/work-streams/${workStreamId}/routing-rules`)
      .send([{ name: '', condition: { field: 'x', op: 'exists' }, queueId: defaultQueueId }]);
    expectError(response, 400, 'VALIDATION_FAILED', {
      field: 'rules[0].name',
      message: /a rule needs a name/,
    });
  });
});
