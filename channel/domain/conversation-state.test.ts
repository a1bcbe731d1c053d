import { describe, expect, it } from 'vitest';
import { canTransition, isLive, transition } from './conversation-state';
import { ChannelError } from './errors';
import type { Conversation, ConversationState } from './model';

const conv = (state: ConversationState): Conversation => ({
  id: 'cv_1',
  workStreamId: 'ws_1',
  customerNumber: '14255550123',
  supportNumber: '14255550100',
  state,
  queueId: 'q',
  routedBy: 'default',
  contactMatch: 'none',
  rejectedBy: [],
  resolved: false,
  createdAt: 0,
  lastActivityAt: 0,
  transitions: [],
});
const agent = { kind: 'agent', agentId: 'ag_1' } as const;

describe('conversation state machine (R-CV)', () => {
  it.each([
    ['open', 'active'],
    ['active', 'open'],
    ['active', 'wrap-up'],
    ['active', 'waiting'],
    ['wrap-up', 'closed'],
    ['waiting', 'active'],
    ['waiting', 'open'],
    ['waiting', 'closed'],
    ['open', 'closed'],
    ['active', 'closed'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });
  it.each([
    ['open', 'waiting'],
    ['open', 'wrap-up'],
    ['wrap-up', 'active'],
    ['wrap-up', 'open'],
    ['waiting', 'wrap-up'],
  ] as const)('refuses %s → %s with TRANSITION_NOT_ALLOWED', (from, to) => {
    const error = (() => {
      try {
        transition(conv(from), to, { actor: agent, reason: 'x', now: 1 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      message: `A conversation cannot go from ${from} to ${to}.`,
    });
  });
  it('never re-opens a Closed conversation (R-CV-1)', () => {
    expect(() =>
      transition(conv('closed'), 'open', { actor: { kind: 'customer' }, reason: 'x', now: 1 }),
    ).toThrow(
      expect.objectContaining({
        code: 'CONVERSATION_CLOSED',
        message: 'The conversation is closed; nothing re-opens it.',
      }),
    );
  });
  it('records each transition with time, actor and reason (R-CV-4)', () => {
    const next = transition(conv('open'), 'active', {
      actor: agent,
      reason: 'accepted offer',
      now: 42,
    });
    expect(next.transitions).toEqual([
      { from: 'open', to: 'active', at: 42, actor: agent, reason: 'accepted offer' },
    ]);
    expect(next.lastActivityAt).toBe(42);
  });
  it('marks the conversation resolved when it enters Wrap-up', () => {
    const next = transition(conv('active'), 'wrap-up', { actor: agent, reason: 'ended', now: 7 });
    expect(next).toMatchObject({ resolved: true, wrapUpAt: 7 });
  });
});

describe('what a transition records beside the state', () => {
  const offer = { agentId: 'ag_2', offeredAt: 0, expiresAt: 120_000 };
  it('stamps closedAt only when the conversation closes', () => {
    expect(
      transition(conv('waiting'), 'closed', { actor: agent, reason: 'x', now: 7 }).closedAt,
    ).toBe(7);
    expect(
      transition(conv('open'), 'active', { actor: agent, reason: 'x', now: 7 }).closedAt,
    ).toBeUndefined();
  });
  it('stamps Wrap-up time only on entering Wrap-up', () => {
    const active = transition(conv('waiting'), 'active', { actor: agent, reason: 'x', now: 5 });
    expect(active.wrapUpAt).toBeUndefined();
    expect(active.resolved).toBe(false);
  });
  it('drops a pending offer once the conversation leaves Open, and keeps it while Open', () => {
    const withOffer = { ...conv('active'), offer } as Conversation;
    expect(
      transition(withOffer, 'waiting', { actor: agent, reason: 'x', now: 1 }).offer,
    ).toBeUndefined();
    const waiting = { ...conv('waiting'), offer } as Conversation;
    expect(transition(waiting, 'open', { actor: agent, reason: 'x', now: 1 }).offer).toEqual(offer);
  });
  it('refuses every transition out of Closed with CONVERSATION_CLOSED', () => {
    for (const to of ['open', 'active', 'waiting', 'wrap-up', 'closed'] as const) {
      expect(canTransition('closed', to)).toBe(false);
      expect(() => transition(conv('closed'), to, { actor: agent, reason: 'x', now: 1 })).toThrow(
        expect.objectContaining({ code: 'CONVERSATION_CLOSED', name: 'ChannelError' }),
      );
    }
  });
  it('counts every state but Closed as live (an inbound SMS may attach to it, R-CV-2)', () => {
    expect((['open', 'active', 'waiting', 'wrap-up', 'closed'] as const).map(isLive)).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
  });
});
