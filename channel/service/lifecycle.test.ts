import { describe, expect, it } from 'vitest';
import {
  API_KEY,
  CUSTOMER_ID,
  CUSTOMER_NUMBER,
  conversationOf,
  createHarness,
  SUPPORT_NUMBER,
} from '../../test/channel/service-harness';
import { HOUR_MS } from '../domain/model';

describe('a conversation from first text to auto-close', () => {
  it('routes, offers, accepts, replies, applies the report, closes the session and auto-closes after 8 h (R-CV, R-AG-3, R-MSG-5, R-CV-3)', async () => {
    const h = await createHarness();
    const ws = await h.workStream({ autoCloseAfterInactivityMs: 8 * HOUR_MS });
    const agent = await h.agent('Alice');

    const id = conversationOf(await h.text('Hello, my parcel is late'));
    let conversation = h.service.getConversation(id);
    expect(conversation).toMatchObject({
      state: 'open',
      workStreamId: ws,
      routedBy: 'default',
      offer: { agentId: agent },
    });

    await h.service.accept(agent, id);
    const reply = await h.service.send(agent, id, 'Sorry! Let me check.');
    expect(h.gateway.sent[0]).toEqual({
      credentials: { customerId: CUSTOMER_ID, apiKey: API_KEY },
      sms: {
        to: CUSTOMER_NUMBER,
        from: SUPPORT_NUMBER,
        text: 'Sorry! Let me check.',
        externalId: reply.id,
      },
    });
    expect(reply).toMatchObject({
      telesignReferenceId: expect.any(String),
      delivery: { code: 290, final: false },
      segments: 1,
      encoding: 'GSM-7',
    });

    await h.report(reply.telesignReferenceId ?? '', 200, 'Delivered to handset');
    expect(h.service.getConversation(id).messages[1]?.delivery).toMatchObject({
      code: 200,
      final: true,
    });

    await h.service.closeSession(agent, id);
    expect(h.service.getConversation(id).state).toBe('waiting');

    await h.clock.advance(8 * HOUR_MS + 60_000);
    conversation = h.service.getConversation(id);
    expect(conversation.state).toBe('closed');
    expect(conversation.transitions.map((t) => [t.from, t.to, t.actor.kind])).toEqual([
      [null, 'open', 'customer'],
      ['open', 'active', 'agent'],
      ['active', 'waiting', 'agent'],
      ['waiting', 'closed', 'system'],
    ]);
    await h.service.close();
  });

  it('closes at the first periodic sweep after the conversation becomes eligible (R-CV-3)', async () => {
    const h = await createHarness({ sweepIntervalMs: 5 * HOUR_MS });
    await h.workStream({ autoCloseAfterInactivityMs: 8 * HOUR_MS });
    const agent = await h.agent('Alice');
    const id = conversationOf(await h.text('hi'));
    await h.service.accept(agent, id);
    await h.service.closeSession(agent, id);
    await h.clock.advance(9 * HOUR_MS);
    expect(h.service.getConversation(id).state).toBe('waiting');
    await h.clock.advance(1 * HOUR_MS);
    expect(h.service.getConversation(id)).toMatchObject({
      state: 'closed',
      closedAt: h.clock.now(),
    });
    await h.service.close();
  });

  it('closes at once when a sweep is run on demand (R-CV-3)', async () => {
    const h = await createHarness({ sweepIntervalMs: 0 });
    await h.workStream({ autoCloseAfterInactivityMs: 8 * HOUR_MS });
    const agent = await h.agent('Alice');
    const id = conversationOf(await h.text('hi'));
    await h.service.accept(agent, id);
    await h.service.closeSession(agent, id);
    await h.clock.advance(8 * HOUR_MS - 1);
    expect(await h.service.sweep()).toEqual([]);
    await h.clock.advance(1);
    expect(await h.service.sweep()).toEqual([id]);
    await h.service.close();
  });

  it('resets the inactivity timer on any message (R-CV-3)', async () => {
    const h = await createHarness({ sweepIntervalMs: 0 });
    await h.workStream({ autoCloseAfterInactivityMs: 8 * HOUR_MS });
    const agent = await h.agent('Alice');
    const id = conversationOf(await h.text('hi'));
    await h.service.accept(agent, id);
    await h.service.closeSession(agent, id);
    await h.clock.advance(7 * HOUR_MS);
    await h.service.send(agent, id, 'Anything else?');
    await h.clock.advance(7 * HOUR_MS);
    expect(await h.service.sweep()).toEqual([]);
    await h.service.close();
  });

  it('closes Wrap-up a day after it began, Open and Active after 30 days (R-CV-3)', async () => {
    const h = await createHarness({ sweepIntervalMs: 0 });
    await h.workStream();
    const agent = await h.agent('Alice', { capacity: 200 });
    const wrapped = conversationOf(await h.text('one', { from: '14255550111' }));
    const active = conversationOf(await h.text('two', { from: '14255550112' }));
    await h.service.accept(agent, wrapped);
    await h.service.accept(agent, active);
    await h.service.end(agent, wrapped);
    await h.service.setPresence(agent, 'offline');
    const open = conversationOf(await h.text('three', { from: '14255550113' }));
    await h.clock.advance(24 * HOUR_MS);
    expect(await h.service.sweep()).toEqual([wrapped]);
    await h.clock.advance(29 * 24 * HOUR_MS);
    expect((await h.service.sweep()).sort()).toEqual([active, open].sort());
    expect(h.service.getConversation(open).transitions.at(-1)).toMatchObject({
      actor: { kind: 'system' },
      reason: expect.stringMatching(/still open 30 days after it was created/),
    });
    await h.service.close();
  });
});
