// How stored records are shown: the API key masked (R-WS-3), the inbound URL (R-WS-4), derived presence (R-AG-2).

import type { Agent, Conversation, Message, WorkStream } from '../domain/model';
import { effectivePresence } from '../domain/presence';
import { maskApiKey, missingForRouting } from '../domain/work-stream-rules';
import { agentLoad, type ServiceContext } from './context';
import type { AgentView, ConversationView, WorkStreamView } from './contract';
import { validationView } from './validation-loopback';

export function inboundUrl(ctx: ServiceContext): string {
  const organisation = ctx.state.config.organisation;
  if (!organisation) throw new Error('The organisation is not initialised.');
  return `${ctx.inboundBaseUrl().replace(/\/+$/, '')}/telesign/inbound/${organisation.id}/${organisation.token}`;
}

export function workStreamView(ctx: ServiceContext, workStream: WorkStream): WorkStreamView {
  const { sms, ...rest } = workStream;
  return {
    ...structuredClone(rest),
    sms: {
      customerId: sms.customerId ?? null,
      apiKeyMasked: maskApiKey(sms.apiKey),
      inboundUrl: inboundUrl(ctx),
      validation: validationView(sms.validation, workStream.number?.number, ctx.clock.now()),
      missing: missingForRouting(workStream),
    },
  };
}

export function agentView(ctx: ServiceContext, agent: Agent): AgentView {
  const load = agentLoad(ctx, agent.id);
  return {
    ...structuredClone(agent),
    presence: effectivePresence(agent.presenceChoice, load.usedCapacity, agent.capacity),
    usedCapacity: load.usedCapacity,
    activeConversations: load.activeConversations,
  };
}

/** The transcript: held messages from memory, those of closed conversations read from history. */
export function messagesOf(ctx: ServiceContext, conversationId: string): Message[] {
  return ctx.store.transcript(conversationId);
}

export function conversationView(
  ctx: ServiceContext,
  conversation: Conversation,
): ConversationView {
  return {
    ...structuredClone(conversation),
    linkedKind: conversation.accountId ? 'account' : conversation.contactId ? 'contact' : null,
    messages: structuredClone(messagesOf(ctx, conversation.id)),
  };
}
