import { describe, expect, it } from 'vitest';
import { conversationOf, createHarness, type Harness } from '../../test/channel/service-harness';

const refusal = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

async function activeConversation(
  h: Harness,
  agentName = 'Alice',
): Promise<{ id: string; agent: string }> {
  await h.workStream();
  const agent = await h.agent(agentName);
  const id = conversationOf(await h.text('hi'));
  await h.service.accept(agent, id);
  return { id, agent };
}

describe('agent transitions (R-CV, R-CV-4)', () => {
  it('ends an Active conversation into Wrap-up, resolved', async () => {
    const h = await createHarness();
    const { id, agent } = await activeConversation(h);
    expect(await h.service.end(agent, id)).toMatchObject({ state: 'wrap-up', resolved: true });
  });

  it('closes the session of an Active conversation into Waiting, not resolved', async () => {
    const h = await createHarness();
    const { id, agent } = await activeConversation(h);
    expect(await h.service.closeSession(agent, id)).toMatchObject({
      state: 'waiting',
      resolved: false,
    });
  });

  it('closes a Wrap-up conversation when the agent closes the session', async () => {
    const h = await createHarness();
    const { id, agent } = await activeConversation(h);
    await h.service.end(agent, id);
    expect(await h.service.closeSession(agent, id)).toMatchObject({
      state: 'closed',
      closedAt: h.clock.now(),
    });
  });

  it('re-opens a Waiting conversation from the agent work items', async () => {
    const h = await createHarness();
    const { id, agent } = await activeConversation(h);
    await h.service.closeSession(agent, id);
    expect(h.service.workItemsFor(agent).map((c) => [c.id, c.state])).toEqual([[id, 'waiting']]);
    expect(await h.service.reopen(agent, id)).toMatchObject({ state: 'active', agentId: agent });
  });

  it('releases an Active conversation to Open in its queue and offers it to another agent', async () => {
    const h = await createHarness();
    const { id, agent } = await activeConversation(h);
    const bob = await h.agent('Bob');
    const released = await h.service.release(agent, id);
    expect(released).toMatchObject({ state: 'open', offer: { agentId: bob } });
    expect(released.agentId).toBeUndefined();
  });

  it('transfers an Active conversation to another queue, where it is routed', async () => {
    const h = await createHarness();
    const { id, agent } = await activeConversation(h);
    const billing = await h.service.createQueue({ name: 'Billing' });
    const bob = await h.agent('Bob', { queueIds: [billing.id] });
    const moved = await h.service.transfer(agent, id, billing.id);
    expect(moved).toMatchObject({ state: 'open', queueId: billing.id, offer: { agentId: bob } });
    expect(moved.transitions.at(-1)).toMatchObject({
      from: 'active',
      to: 'open',
      reason: 'agent transferred it to queue Billing',
    });
  });

  it('refuses to end a Waiting conversation', async () => {
    const h = await createHarness();
    const { id, agent } = await activeConversation(h);
    await h.service.closeSession(agent, id);
    expect(await refusal(h.service.end(agent, id))).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      message: 'A conversation cannot go from waiting to wrap-up.',
    });
  });

  it('refuses to re-open a Wrap-up conversation', async () => {
    const h = await createHarness();
    const { id, agent } = await activeConversation(h);
    await h.service.end(agent, id);
    expect(await refusal(h.service.reopen(agent, id))).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      message: 'A conversation cannot go from wrap-up to active.',
    });
  });

  it('refuses any action on a Closed conversation (R-CV-1)', async () => {
    const h = await createHarness();
    const { id, agent } = await activeConversation(h);
    await h.service.end(agent, id);
    await h.service.closeSession(agent, id);
    expect(await refusal(h.service.reopen(agent, id))).toMatchObject({
      code: 'CONVERSATION_CLOSED',
      message: 'The conversation is closed; nothing re-opens it.',
    });
  });

  it('refuses actions by an agent who does not hold the conversation (R-CV-5)', async () => {
    const h = await createHarness();
    const { id } = await activeConversation(h);
    const bob = await h.agent('Bob');
    expect(await refusal(h.service.end(bob, id))).toMatchObject({
      code: 'NOT_CONVERSATION_AGENT',
      message: `Only the agent who holds conversation ${id} can do this; agent ${bob} does not.`,
    });
  });

  it('records every transition with time, actor and reason', async () => {
    const h = await createHarness();
    const { id, agent } = await activeConversation(h);
    await h.clock.advance(5000);
    await h.service.closeSession(agent, id);
    await h.clock.advance(5000);
    await h.service.reopen(agent, id);
    await h.service.end(agent, id);
    await h.service.closeSession(agent, id);
    const start = h.clock.now() - 10_000;
    expect(h.service.getConversation(id).transitions).toEqual([
      {
        from: null,
        to: 'open',
        at: start,
        actor: { kind: 'customer' },
        reason: 'first inbound SMS with no live conversation',
      },
      {
        from: 'open',
        to: 'active',
        at: start,
        actor: { kind: 'agent', agentId: agent },
        reason: 'agent accepted the offer',
      },
      {
        from: 'active',
        to: 'waiting',
        at: start + 5000,
        actor: { kind: 'agent', agentId: agent },
        reason: 'agent closed the session without ending',
      },
      {
        from: 'waiting',
        to: 'active',
        at: start + 10_000,
        actor: { kind: 'agent', agentId: agent },
        reason: 'agent re-opened it from work items',
      },
      {
        from: 'active',
        to: 'wrap-up',
        at: start + 10_000,
        actor: { kind: 'agent', agentId: agent },
        reason: 'agent ended the conversation (resolved)',
      },
      {
        from: 'wrap-up',
        to: 'closed',
        at: start + 10_000,
        actor: { kind: 'agent', agentId: agent },
        reason: 'agent closed the session after ending',
      },
    ]);
  });

  it('emits a change event for every transition', async () => {
    const h = await createHarness();
    const { id, agent } = await activeConversation(h);
    await h.service.end(agent, id);
    expect(
      h.events
        .filter((e) => e.type === 'conversation.changed')
        .map((e) => e.type === 'conversation.changed' && e.to),
    ).toEqual(['open', 'active', 'wrap-up']);
  });
});
