// Push assignment (R-AG-3): offer Open conversations to the best eligible agent, with a timeout, oldest first.
import { offerOrder } from '../domain/assignment';
import type { Agent, Conversation } from '../domain/model';
import {
  agentLoad,
  cancelOfferTimer,
  defaultQueue,
  now,
  type ServiceContext,
  saveConversation,
} from './context';

/** When the conversation last became Open: the queue's waiting order (oldest first). */
function openedAt(conversation: Conversation): number {
  for (let i = conversation.transitions.length - 1; i >= 0; i--) {
    const t = conversation.transitions[i];
    if (t?.to === 'open') return t.at;
  }
  return conversation.createdAt;
}

/** Agents to offer `conversation` to, best first; the last agent who held it comes first if eligible (R-CV table). */
export function candidatesFor(ctx: ServiceContext, conversation: Conversation): Agent[] {
  const workStream = ctx.state.config.workStreams.find((w) => w.id === conversation.workStreamId);
  if (!workStream) return [];
  // Capacity promised by pending offers counts as used, so one agent is never offered more than they can hold.
  const reserved = new Map<string, number>();
  for (const other of ctx.live.values()) {
    if (!other.offer || other.id === conversation.id) continue;
    const units =
      ctx.state.config.workStreams.find((w) => w.id === other.workStreamId)?.capacityUnits ?? 0;
    reserved.set(other.offer.agentId, (reserved.get(other.offer.agentId) ?? 0) + units);
  }
  const candidates = ctx.state.config.agents.map((agent) => {
    const load = agentLoad(ctx, agent.id);
    return {
      agent,
      load: { ...load, usedCapacity: load.usedCapacity + (reserved.get(agent.id) ?? 0) },
    };
  });
  const ordered = offerOrder(
    candidates,
    workStream,
    conversation.queueId,
    defaultQueue(ctx).id,
    conversation.rejectedBy,
  );
  const previous = ordered.findIndex((a) => a.id === conversation.lastAgentId);
  if (previous > 0) ordered.unshift(...ordered.splice(previous, 1));
  return ordered;
}

function scheduleExpiry(
  ctx: ServiceContext,
  conversationId: string,
  agentId: string,
  expiresAt: number,
): void {
  cancelOfferTimer(ctx, conversationId);
  const handle = ctx.clock.schedule(
    expiresAt,
    async () => {
      ctx.offerTimers.delete(conversationId);
      await declineOffer(ctx, conversationId, agentId, 'timed-out');
    },
    `offer-timeout:${conversationId}`,
  );
  ctx.offerTimers.set(conversationId, handle);
}

/** Offers one Open push conversation to the first eligible agent, if any; returns whether it did. */
export async function offerConversation(
  ctx: ServiceContext,
  conversation: Conversation,
): Promise<boolean> {
  const workStream = ctx.state.config.workStreams.find((w) => w.id === conversation.workStreamId);
  if (workStream?.mode !== 'push' || conversation.state !== 'open' || conversation.offer)
    return false;
  const agent = candidatesFor(ctx, conversation)[0];
  if (!agent) return false;
  const at = now(ctx);
  const offer = { agentId: agent.id, offeredAt: at, expiresAt: at + workStream.offerTimeoutMs };
  await saveConversation(ctx, { ...conversation, offer });
  scheduleExpiry(ctx, conversation.id, agent.id, offer.expiresAt);
  ctx.emit({
    type: 'conversation.offered',
    conversationId: conversation.id,
    agentId: agent.id,
    at,
  });
  return true;
}

/** A rejected or timed-out offer counts against the agent for this routing round; the next agent gets it. */
export async function declineOffer(
  ctx: ServiceContext,
  conversationId: string,
  agentId: string,
  reason: 'rejected' | 'timed-out',
): Promise<Conversation | undefined> {
  const conversation = ctx.live.get(conversationId);
  if (!conversation || conversation.offer?.agentId !== agentId) return conversation;
  cancelOfferTimer(ctx, conversationId);
  const declined: Conversation = {
    ...conversation,
    offer: undefined,
    rejectedBy: [...conversation.rejectedBy, agentId],
  };
  await saveConversation(ctx, declined);
  ctx.emit({ type: 'conversation.declined', conversationId, agentId, reason, at: now(ctx) });
  await offerConversation(ctx, declined);
  return ctx.live.get(conversationId);
}

/** Offers every unoffered Open push conversation, oldest first, while eligible agents remain. */
export async function dispatchAll(ctx: ServiceContext): Promise<void> {
  const waiting = [...ctx.live.values()]
    .filter((c) => c.state === 'open' && !c.offer)
    .sort((a, b) => openedAt(a) - openedAt(b) || (a.id < b.id ? -1 : 1));
  for (const conversation of waiting) {
    const current = ctx.live.get(conversation.id);
    if (current) await offerConversation(ctx, current);
  }
}

/** Re-arms the timers of offers that were pending when the service stopped. */
export function restoreOfferTimers(ctx: ServiceContext): void {
  for (const conversation of ctx.live.values())
    if (conversation.state === 'open' && conversation.offer)
      scheduleExpiry(
        ctx,
        conversation.id,
        conversation.offer.agentId,
        conversation.offer.expiresAt,
      );
}
