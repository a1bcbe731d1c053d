// Push assignment (R-AG-3): offer Open conversations to the best eligible agent, with a timeout, oldest first.
import { type AgentLoad, holdsCapacity, offerOrder } from '../domain/assignment';
import type { Agent, Conversation } from '../domain/model';
import { offerEnded, offerMade } from '../domain/offer-history';
import {
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

/**
 * Capacity held (Active, Wrap-up; R-AG-5) plus capacity promised by pending offers, per agent, in one
 * pass over live conversations: one agent is never offered more than they can hold.
 */
function loadsWithOffers(ctx: ServiceContext, except: string): Map<string, AgentLoad> {
  const units = new Map(ctx.state.config.workStreams.map((w) => [w.id, w.capacityUnits]));
  const loads = new Map<string, AgentLoad>();
  const add = (agentId: string, capacity: number, active: number): void => {
    const load = loads.get(agentId) ?? { usedCapacity: 0, activeConversations: 0 };
    loads.set(agentId, {
      usedCapacity: load.usedCapacity + capacity,
      activeConversations: load.activeConversations + active,
    });
  };
  for (const c of ctx.live.values()) {
    if (c.agentId && holdsCapacity(c.state))
      add(c.agentId, units.get(c.workStreamId) ?? 0, c.state === 'active' ? 1 : 0);
    if (c.offer && c.id !== except) add(c.offer.agentId, units.get(c.workStreamId) ?? 0, 0);
  }
  return loads;
}

/** Agents to offer `conversation` to, best first; the last agent who held it comes first if eligible (R-CV table). */
function candidatesFor(
  ctx: ServiceContext,
  conversation: Conversation,
  loads: Map<string, AgentLoad> = loadsWithOffers(ctx, conversation.id),
): Agent[] {
  const workStream = ctx.state.config.workStreams.find((w) => w.id === conversation.workStreamId);
  if (!workStream) return [];
  const candidates = ctx.state.config.agents.map((agent) => ({
    agent,
    load: loads.get(agent.id) ?? { usedCapacity: 0, activeConversations: 0 },
  }));
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
  loads?: Map<string, AgentLoad>,
): Promise<boolean> {
  const workStream = ctx.state.config.workStreams.find((w) => w.id === conversation.workStreamId);
  if (workStream?.mode !== 'push' || conversation.state !== 'open' || conversation.offer)
    return false;
  const agent = candidatesFor(ctx, conversation, loads)[0];
  if (!agent) return false;
  if (loads) {
    const load = loads.get(agent.id) ?? { usedCapacity: 0, activeConversations: 0 };
    loads.set(agent.id, { ...load, usedCapacity: load.usedCapacity + workStream.capacityUnits });
  }
  const at = now(ctx);
  const offer = { agentId: agent.id, offeredAt: at, expiresAt: at + workStream.offerTimeoutMs };
  await saveConversation(ctx, {
    ...conversation,
    offer,
    offers: offerMade(conversation, agent.id, at),
  });
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
    offers: offerEnded(conversation, reason, now(ctx)),
    rejectedBy: [...conversation.rejectedBy, agentId],
  };
  await saveConversation(ctx, declined);
  ctx.emit({ type: 'conversation.declined', conversationId, agentId, reason, at: now(ctx) });
  // The agent's reserved capacity is free again: every waiting conversation, oldest first, gets its chance (R-AG-3).
  await dispatchAll(ctx);
  return ctx.live.get(conversationId);
}

/**
 * An agent who went Away or Offline is no longer eligible (R-AG-3): their pending offers are taken
 * back, without counting as a rejection, and go to the next eligible agent.
 */
export async function withdrawOffers(ctx: ServiceContext, agentId: string): Promise<void> {
  const pending = [...ctx.live.values()].filter((c) => c.offer?.agentId === agentId);
  for (const conversation of pending) {
    cancelOfferTimer(ctx, conversation.id);
    await saveConversation(ctx, {
      ...conversation,
      offer: undefined,
      offers: offerEnded(conversation, 'withdrawn', now(ctx)),
    });
    ctx.emit({
      type: 'conversation.declined',
      conversationId: conversation.id,
      agentId,
      reason: 'withdrawn',
      at: now(ctx),
    });
  }
}

/**
 * Offers every unoffered Open push conversation, oldest first, while eligible agents remain. Called
 * on the events that can make an offer possible (a conversation becomes Open, an agent's presence,
 * queues or capacity change, an offer is declined, expires or is withdrawn), never on a timer.
 */
export async function dispatchAll(ctx: ServiceContext): Promise<void> {
  // A second round only when an offer followed a conversation left waiting: an offer can make its
  // agent Busy, and a work stream that allows Busy but not Available then has a new candidate.
  // Each further round makes an offer, so there are at most as many rounds as waiting conversations.
  while (await dispatchRound(ctx)) {}
}

/** One pass over the waiting conversations; true when it offered one after passing another by. */
async function dispatchRound(ctx: ServiceContext): Promise<boolean> {
  const waiting = [...ctx.live.values()]
    .filter((c) => c.state === 'open' && !c.offer)
    .sort((a, b) => openedAt(a) - openedAt(b) || (a.id < b.id ? -1 : 1));
  if (waiting.length === 0) return false;
  // Loads are computed once and kept up to date as offers are made, so a long queue stays linear.
  const loads = loadsWithOffers(ctx, '');
  let passedBy = false;
  let offeredAfter = false;
  for (const conversation of waiting) {
    const current = ctx.live.get(conversation.id);
    if (!current || current.offer) continue;
    if (await offerConversation(ctx, current, loads)) offeredAfter ||= passedBy;
    else passedBy = true;
  }
  return offeredAfter;
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
