// The offer history of a conversation (R-AG-3): who it was offered to, when, and how each offer ended.
import type { Conversation, OfferOutcome, OfferRecord } from './model';

/** The history with a new pending offer to `agentId` at `at`. */
export function offerMade(conversation: Conversation, agentId: string, at: number): OfferRecord[] {
  return [...(conversation.offers ?? []), { agentId, offeredAt: at, outcome: 'pending' }];
}

/** The history with the pending offer ended as `outcome` at `at` (unchanged when none is pending). */
export function offerEnded(
  conversation: Conversation,
  outcome: Exclude<OfferOutcome, 'pending'>,
  at: number,
): OfferRecord[] {
  const offers = conversation.offers ?? [];
  const pending = offers.findLastIndex((o) => o.outcome === 'pending');
  if (pending < 0) return offers;
  return offers.map((o, i) => (i === pending ? { ...o, outcome, endedAt: at } : o));
}
