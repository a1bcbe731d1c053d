import { describe, expect, it } from 'vitest';
import {
  conversationOf,
  createFakeGateway,
  createHarness,
} from '../../test/channel/service-harness';
import { createStore } from '../adapters/store';
import { DAY_MS } from '../domain/model';
import { openChannelService } from './channel-service';

// Offers follow events, with no periodic dispatch (the service harness has none): each test shows
// an event that must offer a waiting conversation at once.
describe('dispatch on events (R-AG-3)', () => {
  it('offers the next waiting conversation when the sweep closes one whose offer held the agent', async () => {
    const h = await createHarness({ sweepIntervalMs: 0 });
    await h.workStream({ offerTimeoutMs: 3_600_000 });
    const ann = await h.agent('Ann', { capacity: 30 });
    await h.service.setPresence(ann, 'offline');
    const first = conversationOf(await h.text('first', { from: '14255550123' }));
    await h.clock.advance(30 * DAY_MS - 600_000);
    const second = conversationOf(await h.text('second', { from: '14255550124' }));
    await h.service.setPresence(ann, 'available');
    expect(h.service.getConversation(first).offer?.agentId).toBe(ann);
    expect(h.service.getConversation(second).offer).toBeUndefined();

    await h.clock.advance(600_000);
    expect(await h.service.sweep()).toEqual([first]);
    expect(h.service.getConversation(second).offer?.agentId).toBe(ann);
  });

  it('offers a Busy-only work stream’s conversation to an agent as soon as a pick makes them Busy', async () => {
    const h = await createHarness();
    await h.workStream({ name: 'Pick', mode: 'pick' }, '14255550101');
    await h.workStream({ name: 'Busy only', allowedPresences: ['busy'] }, '14255550102');
    const ann = await h.agent('Ann', { capacity: 100 });
    const pushed = conversationOf(await h.text('push', { to: '14255550102' }));
    const picked = conversationOf(await h.text('pick', { to: '14255550101' }));
    expect(h.service.getConversation(pushed).offer).toBeUndefined();

    await h.service.pick(ann, picked);
    expect(h.service.getConversation(pushed).offer?.agentId).toBe(ann);
  });

  it('offers, when the channel opens, what was left waiting for an eligible agent', async () => {
    const store = createStore();
    const h = await createHarness({ store });
    await h.workStream();
    const ann = await h.agent('Ann');
    await h.service.setPresence(ann, 'offline');
    const id = conversationOf(await h.text('hello'));
    await h.service.close();
    // As an older version, which offered on a timer, could leave it: Ann is Available, no offer yet.
    const agent = store.state().config.agents.find((a) => a.id === ann);
    if (agent) agent.presenceChoice = 'available';

    const reopened = await openChannelService({
      store,
      clock: h.clock,
      gateway: createFakeGateway(),
      inboundBaseUrl: () => 'http://127.0.0.1:4020',
    });
    expect(reopened.getConversation(id).offer?.agentId).toBe(ann);
    await reopened.close();
  });
});
