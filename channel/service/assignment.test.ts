import { describe, expect, it } from 'vitest';
import { conversationOf, createHarness } from '../../test/channel/service-harness';

const refusal = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe('push assignment (R-AG-3)', () => {
  it('offers to the agent with the most remaining capacity', async () => {
    const h = await createHarness();
    await h.workStream();
    await h.agent('Small', { capacity: 60 });
    const big = await h.agent('Big', { capacity: 200 });
    const id = conversationOf(await h.text('hi'));
    expect(h.service.offersFor(big).map((c) => c.id)).toEqual([id]);
  });

  it('offers a rejected conversation to the next agent, never again to the same one in that round', async () => {
    const h = await createHarness();
    await h.workStream();
    const alice = await h.agent('Alice', { capacity: 200 });
    const bob = await h.agent('Bob', { capacity: 150 });
    const id = conversationOf(await h.text('hi'));
    expect(h.service.getConversation(id).offer?.agentId).toBe(alice);
    await h.service.reject(alice, id);
    expect(h.service.getConversation(id)).toMatchObject({
      state: 'open',
      offer: { agentId: bob },
      rejectedBy: [alice],
    });
    await h.service.reject(bob, id);
    expect(h.service.getConversation(id).offer).toBeUndefined();
    expect(h.service.getConversation(id).state).toBe('open');
  });

  it('counts an offer not answered in 120 s as rejected and offers it to the next agent', async () => {
    const h = await createHarness();
    await h.workStream();
    const alice = await h.agent('Alice', { capacity: 200 });
    const bob = await h.agent('Bob');
    const id = conversationOf(await h.text('hi'));
    await h.clock.advance(119_999);
    expect(h.service.getConversation(id).offer?.agentId).toBe(alice);
    await h.clock.advance(1);
    expect(h.service.getConversation(id)).toMatchObject({
      offer: { agentId: bob },
      rejectedBy: [alice],
    });
    expect(h.events).toContainEqual(
      expect.objectContaining({
        type: 'conversation.declined',
        agentId: alice,
        reason: 'timed-out',
      }),
    );
  });

  it('uses the work stream offer timeout when configured', async () => {
    const h = await createHarness();
    await h.workStream({ offerTimeoutMs: 30_000 });
    const alice = await h.agent('Alice', { capacity: 200 });
    await h.agent('Bob');
    const id = conversationOf(await h.text('hi'));
    await h.clock.advance(30_000);
    expect(h.service.getConversation(id).rejectedBy).toEqual([alice]);
  });

  it('refuses to accept without an offer', async () => {
    const h = await createHarness();
    await h.workStream();
    await h.agent('Alice', { capacity: 200 });
    const bob = await h.agent('Bob');
    const id = conversationOf(await h.text('hi'));
    expect(await refusal(h.service.accept(bob, id))).toMatchObject({
      code: 'NO_OFFER',
      message: `Agent ${bob} has no offer for conversation ${id}.`,
    });
  });

  it('keeps a conversation Open when no agent is eligible and offers it once one becomes eligible', async () => {
    const h = await createHarness();
    await h.workStream();
    const alice = await h.agent('Alice');
    await h.service.setPresence(alice, 'away');
    const id = conversationOf(await h.text('hi'));
    expect(h.service.getConversation(id).offer).toBeUndefined();
    await h.service.setPresence(alice, 'available');
    expect(h.service.getConversation(id).offer?.agentId).toBe(alice);
  });

  it('offers waiting conversations oldest first when an agent becomes eligible', async () => {
    const h = await createHarness();
    await h.workStream({ capacityUnits: 100 });
    const alice = await h.agent('Alice');
    await h.service.setPresence(alice, 'offline');
    const older = conversationOf(await h.text('first', { from: '14255550111' }));
    await h.clock.advance(1000);
    const newer = conversationOf(await h.text('second', { from: '14255550112' }));
    await h.service.setPresence(alice, 'available');
    expect(h.service.offersFor(alice).map((c) => c.id)).toEqual([older]);
    await h.service.accept(alice, older);
    expect(h.service.offersFor(alice)).toEqual([]);
    await h.service.end(alice, older);
    await h.service.closeSession(alice, older);
    expect(h.service.offersFor(alice).map((c) => c.id)).toEqual([newer]);
  });

  it('never offers an agent more than their remaining capacity across pending offers', async () => {
    const h = await createHarness();
    await h.workStream({ capacityUnits: 60 });
    const alice = await h.agent('Alice');
    await h.text('one', { from: '14255550111' });
    await h.text('two', { from: '14255550112' });
    expect(h.service.offersFor(alice)).toHaveLength(1);
  });

  it('offers to a newly created agent', async () => {
    const h = await createHarness();
    await h.workStream();
    const id = conversationOf(await h.text('hi'));
    const alice = await h.agent('Alice');
    expect(h.service.offersFor(alice).map((c) => c.id)).toEqual([id]);
  });

  it('offers to an agent whose capacity was freed', async () => {
    const h = await createHarness();
    await h.workStream({ capacityUnits: 100 });
    const alice = await h.agent('Alice');
    const first = conversationOf(await h.text('one', { from: '14255550111' }));
    await h.service.accept(alice, first);
    const second = conversationOf(await h.text('two', { from: '14255550112' }));
    expect(h.service.getConversation(second).offer).toBeUndefined();
    await h.service.closeSession(alice, first);
    expect(h.service.getConversation(second).offer?.agentId).toBe(alice);
  });

  it('offers only to members of the conversation queue', async () => {
    const h = await createHarness();
    const ws = await h.workStream();
    const sales = await h.service.createQueue({ name: 'Sales' });
    await h.service.replaceRoutingRules(ws, [
      { name: 'All', condition: { field: 'customer.number', op: 'exists' }, queueId: sales.id },
    ]);
    await h.agent('Outsider', { capacity: 300 });
    const member = await h.agent('Member', { queueIds: [sales.id] });
    const id = conversationOf(await h.text('hi'));
    expect(h.service.getConversation(id).offer?.agentId).toBe(member);
  });

  it('does not offer to an agent whose presence the work stream does not allow', async () => {
    const h = await createHarness();
    await h.workStream({ allowedPresences: ['available'] });
    const alice = await h.agent('Alice');
    const first = conversationOf(await h.text('one', { from: '14255550111' }));
    await h.service.accept(alice, first);
    expect(h.service.getAgent(alice).presence).toBe('busy');
    conversationOf(await h.text('two', { from: '14255550112' }));
    expect(h.service.offersFor(alice)).toEqual([]);
  });
});

describe('presence and capacity (R-AG-2, R-AG-5)', () => {
  it('derives presence from capacity held in Active and Wrap-up only', async () => {
    const h = await createHarness();
    await h.workStream({ capacityUnits: 50 });
    const alice = await h.agent('Alice');
    const one = conversationOf(await h.text('one', { from: '14255550111' }));
    await h.service.accept(alice, one);
    expect(h.service.getAgent(alice)).toMatchObject({
      presence: 'busy',
      usedCapacity: 50,
      activeConversations: 1,
    });
    const two = conversationOf(await h.text('two', { from: '14255550112' }));
    await h.service.accept(alice, two);
    expect(h.service.getAgent(alice)).toMatchObject({ presence: 'busy-dnd', usedCapacity: 100 });
    await h.service.end(alice, two);
    expect(h.service.getAgent(alice)).toMatchObject({ usedCapacity: 100, activeConversations: 1 });
    await h.service.closeSession(alice, one);
    expect(h.service.getAgent(alice)).toMatchObject({ presence: 'busy', usedCapacity: 50 });
    await h.service.closeSession(alice, two);
    expect(h.service.getAgent(alice)).toMatchObject({ presence: 'available', usedCapacity: 0 });
  });

  it('keeps Away whatever the load', async () => {
    const h = await createHarness();
    await h.workStream();
    const alice = await h.agent('Alice');
    const one = conversationOf(await h.text('one'));
    await h.service.accept(alice, one);
    expect((await h.service.setPresence(alice, 'away')).presence).toBe('away');
  });
});

describe('pick mode (R-AG-4)', () => {
  it('leaves Open conversations in the queue until an eligible agent picks one', async () => {
    const h = await createHarness();
    await h.workStream({ mode: 'pick' });
    const alice = await h.agent('Alice');
    const id = conversationOf(await h.text('hi'));
    expect(h.service.getConversation(id).offer).toBeUndefined();
    await h.clock.advance(600_000);
    expect(await h.service.pick(alice, id)).toMatchObject({ state: 'active', agentId: alice });
  });

  it('refuses a pick by an agent who is not eligible', async () => {
    const h = await createHarness();
    await h.workStream({ mode: 'pick' });
    const alice = await h.agent('Alice');
    await h.service.setPresence(alice, 'offline');
    const id = conversationOf(await h.text('hi'));
    expect(await refusal(h.service.pick(alice, id))).toMatchObject({
      code: 'AGENT_NOT_ELIGIBLE',
      message:
        'Agent Alice cannot pick it: they must be in its queue, in an allowed presence (available, busy) and have 30 capacity left.',
    });
  });

  it('refuses picking in a push work stream', async () => {
    const h = await createHarness();
    await h.workStream({ mode: 'push' });
    const alice = await h.agent('Alice');
    const id = conversationOf(await h.text('hi'));
    expect(await refusal(h.service.pick(alice, id))).toMatchObject({
      code: 'WRONG_MODE',
      message: 'Work stream Support SMS pushes conversations; accept an offer instead of picking.',
    });
  });
});

describe('offers and presence (R-AG-3)', () => {
  it('takes back an offer when its agent goes Away and offers it to the next eligible agent', async () => {
    const h = await createHarness();
    await h.workStream();
    const alice = await h.agent('Alice', { capacity: 200 });
    const bob = await h.agent('Bob');
    const id = conversationOf(await h.text('hi'));
    expect(h.service.getConversation(id).offer?.agentId).toBe(alice);
    await h.service.setPresence(alice, 'away');
    expect(h.service.getConversation(id)).toMatchObject({
      offer: { agentId: bob },
      rejectedBy: [],
    });
    await expect(h.service.accept(alice, id)).rejects.toMatchObject({ code: 'NO_OFFER' });
  });

  it('leaves a withdrawn offer waiting in its queue when nobody else is eligible, and offers it again on return', async () => {
    const h = await createHarness();
    await h.workStream();
    const alice = await h.agent('Alice');
    const id = conversationOf(await h.text('hi'));
    await h.service.setPresence(alice, 'offline');
    expect(h.service.getConversation(id)).toMatchObject({ state: 'open', rejectedBy: [] });
    expect(h.service.getConversation(id).offer).toBeUndefined();
    await h.service.setPresence(alice, 'available');
    expect(h.service.getConversation(id).offer?.agentId).toBe(alice);
  });
});
