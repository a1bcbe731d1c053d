import { describe, expect, it } from 'vitest';
import { conversationOf, createHarness } from '../../test/channel/service-harness';
import { createStore } from '../adapters/store';

describe('offer history (R-AG-3)', () => {
  it('records every offer with how it ended: rejected, timed out, withdrawn, accepted', async () => {
    const h = await createHarness();
    await h.workStream();
    const alice = await h.agent('Alice', { capacity: 300 });
    const bob = await h.agent('Bob', { capacity: 200 });
    const carol = await h.agent('Carol', { capacity: 100 });
    const id = conversationOf(await h.text('hi'));
    const t0 = h.clock.now();
    await h.service.reject(alice, id);
    await h.clock.advance(120_000);
    await h.service.setPresence(carol, 'away');
    await h.service.setPresence(carol, 'available');
    await h.service.accept(carol, id);
    expect(h.service.getConversation(id).offers).toEqual([
      { agentId: alice, offeredAt: t0, outcome: 'rejected', endedAt: t0 },
      { agentId: bob, offeredAt: t0, outcome: 'timed-out', endedAt: t0 + 120_000 },
      { agentId: carol, offeredAt: t0 + 120_000, outcome: 'withdrawn', endedAt: t0 + 120_000 },
      { agentId: carol, offeredAt: t0 + 120_000, outcome: 'accepted', endedAt: t0 + 120_000 },
    ]);
  });

  it('keeps the history across a restart', async () => {
    const store = createStore();
    const h = await createHarness({ store });
    await h.workStream();
    const alice = await h.agent('Alice');
    const id = conversationOf(await h.text('hi'));
    await h.service.reject(alice, id);
    await h.service.close();
    const again = await createHarness({ store });
    expect(again.service.getConversation(id).offers).toEqual([
      expect.objectContaining({ agentId: alice, outcome: 'rejected' }),
    ]);
  });
});
