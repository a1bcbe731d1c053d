import { describe, expect, it } from 'vitest';
import type { Conversation } from './model';
import { offerEnded, offerMade } from './offer-history';

const base = { offers: undefined } as unknown as Conversation;

describe('offer history', () => {
  it('keeps each offer with how it ended, oldest first', () => {
    const first = { ...base, offers: offerMade(base, 'ann', 1000) };
    const declined = { ...first, offers: offerEnded(first, 'rejected', 2000) };
    const second = { ...declined, offers: offerMade(declined, 'ben', 2000) };
    expect(offerEnded(second, 'accepted', 3000)).toEqual([
      { agentId: 'ann', offeredAt: 1000, outcome: 'rejected', endedAt: 2000 },
      { agentId: 'ben', offeredAt: 2000, outcome: 'accepted', endedAt: 3000 },
    ]);
  });

  it('changes nothing when no offer is pending', () => {
    const ended = {
      ...base,
      offers: offerEnded({ ...base, offers: offerMade(base, 'ann', 1) }, 'timed-out', 2),
    };
    expect(offerEnded(ended, 'withdrawn', 3)).toBe(ended.offers);
    expect(offerEnded(base, 'withdrawn', 3)).toEqual([]);
  });
});
