import { describe, expect, it } from 'vitest';
import { createHarness } from '../../test/channel/service-harness';

const refusal = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe('queues and routing rules (R-RT-4, R-RT-5)', () => {
  it('has one default queue that cannot be deleted', async () => {
    const h = await createHarness();
    const defaults = h.service.listQueues().filter((q) => q.isDefault);
    expect(defaults).toHaveLength(1);
    expect(await refusal(h.service.deleteQueue(defaults[0]?.id ?? ''))).toMatchObject({
      code: 'DEFAULT_QUEUE_UNDELETABLE',
      message: 'The default queue cannot be deleted.',
    });
  });

  it('refuses to delete a queue a routing rule uses', async () => {
    const h = await createHarness();
    const ws = await h.workStream();
    const q = await h.service.createQueue({ name: 'VIP' });
    await h.service.replaceRoutingRules(ws, [
      {
        name: 'Gold',
        condition: { field: 'contact.tier', op: 'equals', value: 'gold' },
        queueId: q.id,
      },
    ]);
    expect(await refusal(h.service.deleteQueue(q.id))).toMatchObject({
      code: 'QUEUE_IN_USE',
      message: 'Queue VIP is used by routing rule Gold; change the rule first.',
    });
  });

  it('lists, reorders and replaces routing rules as data', async () => {
    const h = await createHarness();
    const ws = await h.workStream();
    const q = await h.service.createQueue({ name: 'VIP' });
    const a = {
      id: 'a',
      name: 'A',
      condition: { field: 'contact.tier', op: 'equals', value: 'gold' },
      queueId: q.id,
    } as const;
    const b = {
      id: 'b',
      name: 'B',
      condition: { field: 'support.number', op: 'exists' },
      queueId: q.id,
    } as const;
    await h.service.replaceRoutingRules(ws, [a, b]);
    await h.service.replaceRoutingRules(ws, [b, a]);
    expect(h.service.listRoutingRules(ws).map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('refuses a rule pointing at an unknown queue, naming the field', async () => {
    const h = await createHarness();
    const ws = await h.workStream();
    expect(
      await refusal(
        h.service.replaceRoutingRules(ws, [
          { name: 'X', condition: { field: 'customer.number', op: 'exists' }, queueId: 'q_nope' },
        ]),
      ),
    ).toMatchObject({
      code: 'NOT_FOUND',
      field: 'rules[0].queueId',
    });
  });

  it('refuses a condition on an unknown field', async () => {
    const h = await createHarness();
    const ws = await h.workStream();
    expect(
      await refusal(
        h.service.replaceRoutingRules(ws, [
          {
            name: 'X',
            condition: { any: [{ field: 'weather', op: 'exists' }] },
            queueId: h.service.listQueues()[0]?.id ?? '',
          },
        ]),
      ),
    ).toMatchObject({
      code: 'ROUTING_FIELD_NOT_ALLOWED',
      field: 'rules[0].condition.any[0].field',
      message:
        'A routing condition cannot test weather: it may test contact.<field>, account.<field>, customer.number, support.number.',
    });
  });

  it('R-RT-3: refuses a rule on the message text, naming the field and the allowed ones, and keeps the old rules', async () => {
    const h = await createHarness();
    const ws = await h.workStream();
    const queueId = h.service.listQueues()[0]?.id ?? '';
    const before = [
      { name: 'Keep', condition: { field: 'customer.number', op: 'exists' }, queueId },
    ] as const;
    await h.service.replaceRoutingRules(ws, [...before]);
    const error = await refusal(
      h.service.replaceRoutingRules(ws, [
        {
          name: 'Refunds',
          condition: { field: 'message.text', op: 'contains', value: 'refund' },
          queueId,
        },
      ]),
    );
    expect(error).toMatchObject({
      code: 'ROUTING_FIELD_NOT_ALLOWED',
      field: 'rules[0].condition.field',
      message: expect.stringContaining(
        'cannot test message.text: it may test contact.<field>, account.<field>, customer.number, support.number.',
      ),
    });
    expect(h.service.listRoutingRules(ws).map((r) => r.name)).toEqual(['Keep']);
  });
});

describe('contacts and agents (R-AG-1, R-RT-1)', () => {
  it('refuses a contact mobile phone that is not a phone number', async () => {
    const h = await createHarness();
    expect(
      await refusal(
        h.service.createContact({ firstName: 'A', lastName: 'B', mobilePhone: 'call me' }),
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'mobilePhone' });
  });

  it('creates agents with capacity 100 and Available presence by default', async () => {
    const h = await createHarness();
    expect(await h.service.createAgent({ name: 'Alice' })).toMatchObject({
      capacity: 100,
      presence: 'available',
      usedCapacity: 0,
      queueIds: [],
    });
  });

  it('refuses an agent in an unknown queue, naming the field', async () => {
    const h = await createHarness();
    expect(
      await refusal(h.service.createAgent({ name: 'Alice', queueIds: ['q_nope'] })),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'queueIds[0]' });
  });
});
