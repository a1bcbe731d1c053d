// Agent steps: presence, accept, reject, pick, send, close the session, end, release, transfer, re-open, link a contact.
import { z } from 'zod';
import { renderText, textSpecSchema } from '../../text-spec';
import { presenceSchema } from '../../world/world-schema';
import { conversationId, lookup, type RunContext } from '../context';

const onConversation = z.strictObject({
  agent: z.string().min(1),
  conversation: z.string().optional(),
});
const ACTIONS = ['accept', 'reject', 'pick', 'close-session', 'end', 'release', 'reopen'] as const;

export const agentShape = {
  presence: z.strictObject({ agent: z.string().min(1), presence: presenceSchema }),
  accept: onConversation,
  reject: onConversation,
  pick: onConversation,
  'close-session': onConversation,
  end: onConversation,
  release: onConversation,
  reopen: onConversation,
  send: onConversation.extend({ text: textSpecSchema }),
  transfer: onConversation.extend({ queue: z.string().min(1) }),
  'link-contact': onConversation.extend({ contact: z.string().min(1) }),
  'link-account': onConversation.extend({ account: z.string().min(1) }),
};

type Shape = { [K in keyof typeof agentShape]?: z.output<(typeof agentShape)[K]> };

export async function runAgentStep(step: Shape, ctx: RunContext): Promise<string | null> {
  if (step.presence) {
    const agentId = lookup(ctx.ids.agents, step.presence.agent, 'agent');
    const response = await ctx.channel.call('PUT', `/api/agents/${agentId}/presence`, {
      presence: step.presence.presence,
    });
    ctx.lastAction = { step: -1, label: 'presence', response };
    await ctx.settle();
    return `${step.presence.agent} sets presence ${step.presence.presence}`;
  }
  for (const action of ACTIONS) {
    const s = step[action];
    if (!s) continue;
    const agentId = lookup(ctx.ids.agents, s.agent, 'agent');
    const id = await conversationId(ctx, s.conversation);
    const response = await ctx.channel.call('POST', `/api/conversations/${id}/${action}`, {
      agentId,
    });
    ctx.lastAction = { step: -1, label: action, response };
    ctx.lastConversationId = id;
    await ctx.settle();
    return `${s.agent} ${action}`;
  }
  if (step.send) {
    const s = step.send;
    const agentId = lookup(ctx.ids.agents, s.agent, 'agent');
    const id = await conversationId(ctx, s.conversation);
    const response = await ctx.channel.call('POST', `/api/conversations/${id}/messages`, {
      agentId,
      text: renderText(s.text),
    });
    ctx.lastAction = { step: -1, label: 'send', response };
    ctx.lastConversationId = id;
    await ctx.settle();
    return `${s.agent} sends`;
  }
  if (step.transfer) {
    const s = step.transfer;
    const agentId = lookup(ctx.ids.agents, s.agent, 'agent');
    const queueId = lookup(ctx.ids.queues, s.queue, 'queue');
    const id = await conversationId(ctx, s.conversation);
    const response = await ctx.channel.call('POST', `/api/conversations/${id}/transfer`, {
      agentId,
      queueId,
    });
    ctx.lastAction = { step: -1, label: 'transfer', response };
    ctx.lastConversationId = id;
    await ctx.settle();
    return `${s.agent} transfers to ${s.queue}`;
  }
  if (step['link-contact']) {
    const s = step['link-contact'];
    const agentId = lookup(ctx.ids.agents, s.agent, 'agent');
    const contactId = lookup(ctx.ids.contacts, s.contact, 'contact');
    const id = await conversationId(ctx, s.conversation);
    const response = await ctx.channel.call('POST', `/api/conversations/${id}/contact`, {
      agentId,
      contactId,
    });
    ctx.lastAction = { step: -1, label: 'link-contact', response };
    ctx.lastConversationId = id;
    await ctx.settle();
    return `${s.agent} links ${s.contact}`;
  }
  if (step['link-account']) {
    const s = step['link-account'];
    const agentId = lookup(ctx.ids.agents, s.agent, 'agent');
    const accountId = lookup(ctx.ids.customerAccounts, s.account, 'account');
    const id = await conversationId(ctx, s.conversation);
    const response = await ctx.channel.call('POST', `/api/conversations/${id}/account`, {
      agentId,
      accountId,
    });
    ctx.lastAction = { step: -1, label: 'link-account', response };
    ctx.lastConversationId = id;
    await ctx.settle();
    return `${s.agent} links account ${s.account}`;
  }
  return null;
}
