// The conversation state machine (R-CV): allowed transitions, each recorded with time, actor and reason (R-CV-4).
import { ChannelError } from './errors';
import type { Actor, Conversation, ConversationState } from './model';
import { offerEnded } from './offer-history';

/** Every allowed transition, from the rulebook's table. Closed is final (R-CV-1). */
export const TRANSITIONS: Record<ConversationState, readonly ConversationState[]> = {
  open: ['active', 'closed'],
  active: ['open', 'wrap-up', 'waiting', 'closed'],
  waiting: ['active', 'open', 'closed'],
  'wrap-up': ['closed'],
  closed: [],
};

export function canTransition(from: ConversationState, to: ConversationState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Live means not Closed: an inbound SMS may attach to it (R-CV-2). */
export function isLive(state: ConversationState): boolean {
  return state !== 'closed';
}

export interface TransitionInput {
  actor: Actor;
  reason: string;
  now: number;
}

/** The conversation after moving to `to`, or a ChannelError if the rulebook forbids it. */
export function transition(
  conversation: Conversation,
  to: ConversationState,
  input: TransitionInput,
): Conversation {
  const from = conversation.state;
  if (from === 'closed') throw new ChannelError('CONVERSATION_CLOSED');
  if (!canTransition(from, to))
    throw new ChannelError('TRANSITION_NOT_ALLOWED', {
      message: `A conversation cannot go from ${from} to ${to}.`,
      from,
      to,
    });
  const next: Conversation = {
    ...conversation,
    state: to,
    lastActivityAt: input.now,
    transitions: [
      ...conversation.transitions,
      { from, to, at: input.now, actor: input.actor, reason: input.reason },
    ],
  };
  if (to === 'wrap-up') {
    next.resolved = true;
    next.wrapUpAt = input.now;
  }
  if (to === 'closed') next.closedAt = input.now;
  if (to !== 'open' && conversation.offer) {
    // Accepting is the offered agent taking it Active; any other move takes the offer back.
    const accepted =
      to === 'active' &&
      input.actor.kind === 'agent' &&
      input.actor.agentId === conversation.offer.agentId;
    next.offers = offerEnded(conversation, accepted ? 'accepted' : 'withdrawn', input.now);
    next.offer = undefined;
  }
  return next;
}
