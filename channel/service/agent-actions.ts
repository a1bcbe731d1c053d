// What agents do to conversations (R-AG-3/4, R-CV): accept, reject, pick, close, end, release, transfer, re-open, link a contact or account.
import { isEligible } from '../domain/assignment';
import { transition } from '../domain/conversation-state';
import { ChannelError } from '../domain/errors';
import type { Actor, Conversation, ConversationState } from '../domain/model';
import {
  agentLoad,
  cancelOfferTimer,
  defaultQueue,
  findAccount,
  findAgent,
  findContact,
  findConversation,
  findQueue,
  findWorkStream,
  now,
  requireHolder,
  type ServiceContext,
  saveConversation,
} from './context';
import type { ChannelService, ConversationView } from './contract';
import { declineOffer } from './dispatch';
import { conversationView } from './views';

type AgentUseCases = Pick<
  ChannelService,
  | 'offersFor'
  | 'workItemsFor'
  | 'accept'
  | 'reject'
  | 'pick'
  | 'closeSession'
  | 'end'
  | 'release'
  | 'transfer'
  | 'reopen'
  | 'linkContact'
  | 'linkAccount'
>;

/** Applies a transition, records it (R-CV-4), persists it and tells subscribers. */
export async function move(
  ctx: ServiceContext,
  conversation: Conversation,
  to: ConversationState,
  actor: Actor,
  reason: string,
  patch: Partial<Conversation> = {},
): Promise<Conversation> {
  const from = conversation.state;
  const at = now(ctx);
  const next = { ...transition(conversation, to, { actor, reason, now: at }), ...patch };
  if (to !== 'open') cancelOfferTimer(ctx, conversation.id);
  await saveConversation(ctx, next);
  ctx.emit({ type: 'conversation.changed', conversationId: next.id, from, to, reason, at });
  return next;
}

export function agentUseCases(ctx: ServiceContext): AgentUseCases {
  const actorOf = (agentId: string): Actor => ({ kind: 'agent', agentId });

  const assign = async (
    conversation: Conversation,
    agentId: string,
    reason: string,
  ): Promise<ConversationView> => {
    const agent = findAgent(ctx, agentId, 'agentId');
    const next = await move(ctx, conversation, 'active', actorOf(agentId), reason, {
      agentId,
      lastAgentId: agentId,
      rejectedBy: [],
      offer: undefined,
    });
    agent.lastAssignedAt = now(ctx);
    await ctx.store.saveConfig();
    ctx.emit({ type: 'agent.changed', agentId, at: now(ctx) });
    return conversationView(ctx, next);
  };

  /** Back to Open in `queueId`: a new routing round in which `agentId` is not offered it again. */
  const requeue = async (
    conversation: Conversation,
    agentId: string,
    queueId: string,
    reason: string,
  ): Promise<ConversationView> => {
    const next = await move(ctx, conversation, 'open', actorOf(agentId), reason, {
      agentId: undefined,
      queueId,
      rejectedBy: [agentId],
    });
    ctx.emit({ type: 'agent.changed', agentId, at: now(ctx) });
    await ctx.dispatchAll();
    return conversationView(ctx, ctx.live.get(next.id) ?? next);
  };

  const held = (agentId: string, conversationId: string): Conversation => {
    findAgent(ctx, agentId, 'agentId');
    const conversation = findConversation(ctx, conversationId);
    requireHolder(conversation, agentId);
    return conversation;
  };

  const activeHeld = (agentId: string, conversationId: string, verb: string): Conversation => {
    const conversation = held(agentId, conversationId);
    if (conversation.state !== 'active')
      throw new ChannelError('TRANSITION_NOT_ALLOWED', {
        message: `Only an Active conversation can be ${verb}; this one is ${conversation.state}.`,
      });
    return conversation;
  };

  const capacityFreed = async (agentId: string): Promise<void> => {
    ctx.emit({ type: 'agent.changed', agentId, at: now(ctx) });
    await ctx.dispatchAll();
  };

  return {
    offersFor(agentId) {
      findAgent(ctx, agentId);
      return [...ctx.live.values()]
        .filter((c) => c.state === 'open' && c.offer?.agentId === agentId)
        .map((c) => conversationView(ctx, c));
    },
    workItemsFor(agentId) {
      findAgent(ctx, agentId);
      return [...ctx.live.values()]
        .filter((c) => c.agentId === agentId && c.state !== 'open')
        .map((c) => conversationView(ctx, c));
    },

    async accept(agentId, conversationId) {
      findAgent(ctx, agentId, 'agentId');
      const conversation = findConversation(ctx, conversationId);
      if (conversation.state === 'closed') throw new ChannelError('CONVERSATION_CLOSED');
      if (conversation.state !== 'open' || conversation.offer?.agentId !== agentId)
        throw new ChannelError('NO_OFFER', {
          message: `Agent ${agentId} has no offer for conversation ${conversationId}.`,
        });
      return assign(conversation, agentId, 'agent accepted the offer');
    },

    async reject(agentId, conversationId) {
      findAgent(ctx, agentId, 'agentId');
      const conversation = findConversation(ctx, conversationId);
      if (conversation.state !== 'open' || conversation.offer?.agentId !== agentId)
        throw new ChannelError('NO_OFFER', {
          message: `Agent ${agentId} has no offer for conversation ${conversationId}.`,
        });
      const next = await declineOffer(ctx, conversationId, agentId, 'rejected');
      return conversationView(ctx, next ?? conversation);
    },

    async pick(agentId, conversationId) {
      const agent = findAgent(ctx, agentId, 'agentId');
      const conversation = findConversation(ctx, conversationId);
      const workStream = findWorkStream(ctx, conversation.workStreamId);
      if (workStream.mode !== 'pick')
        throw new ChannelError('WRONG_MODE', {
          message: `Work stream ${workStream.name} pushes conversations; accept an offer instead of picking.`,
        });
      if (conversation.state === 'closed') throw new ChannelError('CONVERSATION_CLOSED');
      if (conversation.state !== 'open')
        throw new ChannelError('TRANSITION_NOT_ALLOWED', {
          message: `Only Open conversations can be picked; this one is ${conversation.state}.`,
        });
      if (
        !isEligible(
          { agent, load: agentLoad(ctx, agentId) },
          workStream,
          conversation.queueId,
          defaultQueue(ctx).id,
        )
      )
        throw new ChannelError('AGENT_NOT_ELIGIBLE', {
          field: 'agentId',
          message: `Agent ${agent.name} cannot pick it: they must be in its queue, in an allowed presence (${workStream.allowedPresences.join(', ')}) and have ${workStream.capacityUnits} capacity left.`,
        });
      const picked = await assign(conversation, agentId, 'agent picked it from the queue');
      // Busy now: a work stream that allows Busy but not Available may have an offer for them.
      await ctx.dispatchAll();
      return picked;
    },

    async closeSession(agentId, conversationId) {
      const conversation = held(agentId, conversationId);
      if (conversation.state === 'wrap-up') {
        const next = await move(
          ctx,
          conversation,
          'closed',
          actorOf(agentId),
          'agent closed the session after ending',
        );
        await capacityFreed(agentId);
        return conversationView(ctx, next);
      }
      const next = await move(
        ctx,
        conversation,
        'waiting',
        actorOf(agentId),
        'agent closed the session without ending',
      );
      await capacityFreed(agentId);
      return conversationView(ctx, next);
    },

    async end(agentId, conversationId) {
      const next = await move(
        ctx,
        held(agentId, conversationId),
        'wrap-up',
        actorOf(agentId),
        'agent ended the conversation (resolved)',
      );
      return conversationView(ctx, next);
    },

    async release(agentId, conversationId) {
      const conversation = activeHeld(agentId, conversationId, 'released');
      return requeue(conversation, agentId, conversation.queueId, 'agent released it to its queue');
    },

    async transfer(agentId, conversationId, queueId) {
      const conversation = activeHeld(agentId, conversationId, 'transferred');
      const queue = findQueue(ctx, queueId, 'queueId');
      return requeue(
        conversation,
        agentId,
        queue.id,
        `agent transferred it to queue ${queue.name}`,
      );
    },

    async reopen(agentId, conversationId) {
      const agent = findAgent(ctx, agentId, 'agentId');
      const conversation = held(agentId, conversationId);
      const workStream = findWorkStream(ctx, conversation.workStreamId);
      // Capacity promised to the agent's pending offers is not free (R-AG-3, R-AG-5).
      const promised = [...ctx.live.values()]
        .filter((c) => c.state === 'open' && c.offer?.agentId === agentId)
        .reduce((sum, c) => sum + findWorkStream(ctx, c.workStreamId).capacityUnits, 0);
      if (
        conversation.state === 'waiting' &&
        agent.capacity - agentLoad(ctx, agentId).usedCapacity - promised < workStream.capacityUnits
      )
        throw new ChannelError('AGENT_NOT_ELIGIBLE', {
          field: 'agentId',
          message: `Agent ${agent.name} needs ${workStream.capacityUnits} free capacity to re-open it${promised > 0 ? ` (${promised} are held for pending offers)` : ''}.`,
        });
      const next = await move(
        ctx,
        conversation,
        'active',
        actorOf(agentId),
        'agent re-opened it from work items',
      );
      ctx.emit({ type: 'agent.changed', agentId, at: now(ctx) });
      // Busy now: a work stream that allows Busy but not Available may have an offer for them.
      await ctx.dispatchAll();
      return conversationView(ctx, next);
    },

    async linkContact(agentId, conversationId, contactId) {
      const { accountId: _account, ...conversation } = held(agentId, conversationId);
      findContact(ctx, contactId, 'contactId');
      const next = await saveConversation(ctx, {
        ...conversation,
        contactId,
        contactMatch: 'linked',
        lastActivityAt: now(ctx),
      });
      return conversationView(ctx, next);
    },

    async linkAccount(agentId, conversationId, accountId) {
      const { contactId: _contact, ...conversation } = held(agentId, conversationId);
      findAccount(ctx, accountId, 'accountId');
      const next = await saveConversation(ctx, {
        ...conversation,
        accountId,
        contactMatch: 'linked',
        lastActivityAt: now(ctx),
      });
      return conversationView(ctx, next);
    },
  };
}
