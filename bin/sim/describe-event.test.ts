import { describe, expect, it } from 'vitest';
import { describeChannelEvent } from './describe-event';

const names = {
  queue: (id: string) => `q(${id})`,
  agent: (id: string) => `a(${id})`,
  rule: (id: string) => `r(${id})`,
};

describe('channel event sentences', () => {
  it('names the queue and the rule a conversation was routed by', () => {
    expect(
      describeChannelEvent(
        {
          type: 'conversation.routed',
          conversationId: 'cv_1',
          queueId: 'qu_1',
          routedBy: 'vip',
          at: 0,
        },
        names,
      ),
    ).toBe('cv_1 routed to queue q(qu_1) by rule r(vip)');
  });

  it('names the agent an offer went to', () => {
    expect(
      describeChannelEvent(
        { type: 'conversation.offered', conversationId: 'cv_1', agentId: 'ag_1', at: 0 },
        names,
      ),
    ).toBe('cv_1 offered to agent a(ag_1)');
  });

  it('says a message was delivered to the handset for status 200', () => {
    expect(
      describeChannelEvent(
        { type: 'message.status', conversationId: 'cv_1', messageId: 'ms_1', code: 200, at: 0 },
        names,
      ),
    ).toBe('message ms_1 delivered to handset (200)');
  });

  it('stays quiet about agent and admin changes', () => {
    expect(
      describeChannelEvent({ type: 'agent.changed', agentId: 'ag_1', at: 0 }, names),
    ).toBeNull();
  });
});
