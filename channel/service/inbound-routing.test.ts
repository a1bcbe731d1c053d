import { describe, expect, it } from 'vitest';
import { conversationOf, createHarness } from '../../test/channel/service-harness';

const _refusal = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe('contact matching (R-RT-1, R-RT-2)', () => {
  it('links the one active contact whose mobile phone matches as E.164', async () => {
    const h = await createHarness();
    await h.workStream();
    const contact = await h.service.createContact({
      firstName: 'Ada',
      lastName: 'L',
      mobilePhone: '+1 425 555 0123',
    });
    const id = conversationOf(await h.text('hi'));
    expect(h.service.getConversation(id)).toMatchObject({
      contactId: contact.id,
      contactMatch: 'linked',
    });
  });

  it('links no contact when none matches, flags it and still routes', async () => {
    const h = await createHarness();
    await h.workStream();
    await h.service.createContact({ firstName: 'Ada', lastName: 'L', mobilePhone: '+14255550999' });
    const id = conversationOf(await h.text('hi'));
    expect(h.service.getConversation(id)).toMatchObject({
      contactMatch: 'none',
      state: 'open',
      routedBy: 'default',
    });
    expect(h.service.getConversation(id).contactId).toBeUndefined();
  });

  it('links no contact when several match, and flags it', async () => {
    const h = await createHarness();
    await h.workStream();
    await h.service.createContact({ firstName: 'Ada', lastName: 'L', mobilePhone: '+14255550123' });
    await h.service.createContact({ firstName: 'Bea', lastName: 'L', mobilePhone: '+14255550123' });
    const id = conversationOf(await h.text('hi'));
    expect(h.service.getConversation(id)).toMatchObject({ contactMatch: 'many' });
  });

  it('ignores inactive contacts', async () => {
    const h = await createHarness();
    await h.workStream();
    await h.service.createContact({
      firstName: 'Ada',
      lastName: 'L',
      mobilePhone: '+14255550123',
      status: 'inactive',
    });
    const id = conversationOf(await h.text('hi'));
    expect(h.service.getConversation(id).contactMatch).toBe('none');
  });

  it('lets the agent link a contact to a flagged conversation', async () => {
    const h = await createHarness();
    await h.workStream();
    const agent = await h.agent('Alice');
    const id = conversationOf(await h.text('hi'));
    await h.service.accept(agent, id);
    const contact = await h.service.createContact({ firstName: 'New', lastName: 'Customer' });
    expect(await h.service.linkContact(agent, id, contact.id)).toMatchObject({
      contactId: contact.id,
      contactMatch: 'linked',
    });
  });
});

describe('routing on arrival (R-RT-3, R-RT-4, R-RT-5)', () => {
  it('puts the conversation in the queue of the first matching rule and records the rule', async () => {
    const h = await createHarness();
    const ws = await h.workStream();
    const vip = await h.service.createQueue({ name: 'VIP' });
    const other = await h.service.createQueue({ name: 'Other' });
    await h.service.createContact({
      firstName: 'Ada',
      lastName: 'L',
      mobilePhone: '+14255550123',
      fields: { tier: 'gold' },
    });
    await h.service.replaceRoutingRules(ws, [
      {
        id: 'r-paris',
        name: 'Paris',
        condition: { field: 'contact.city', op: 'equals', value: 'Paris' },
        queueId: other.id,
      },
      {
        id: 'r-vip',
        name: 'Gold customers',
        condition: {
          all: [
            { field: 'contact.tier', op: 'in', value: ['gold', 'platinum'] },
            { field: 'support.number', op: 'equals', value: '14255550100' },
          ],
        },
        queueId: vip.id,
      },
      {
        id: 'r-all',
        name: 'Everyone',
        condition: { field: 'customer.number', op: 'exists' },
        queueId: other.id,
      },
    ]);
    const id = conversationOf(await h.text('hello'));
    expect(h.service.getConversation(id)).toMatchObject({
      queueId: vip.id,
      routedBy: { ruleId: 'r-vip', ruleName: 'Gold customers' },
    });
  });

  it('routes to the default queue and records default when no rule matches', async () => {
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
    const id = conversationOf(await h.text('hello'));
    const defaultQueue = h.service.listQueues().find((x) => x.isDefault);
    expect(h.service.getConversation(id)).toMatchObject({
      queueId: defaultQueue?.id,
      routedBy: 'default',
    });
  });
});
