// Conversations with transcripts and transition history, the inbound journal (SMS and delivery
// reports as received), and the sweep. Both lists are paged, newest first, and filterable.
import { z } from 'zod';
import { CONVERSATION_STATES, INBOUND_EVENT_KINDS, INBOUND_EVENT_OUTCOMES } from '../domain/model';
import type { ChannelService } from '../service/contract';
import { idParams } from './common-schemas';
import { pageQuery, sinceUntil } from './page-query';
import { type Route, route } from './route';
import {
  conversationPageSchema,
  conversationSchema,
  inboundEventPageSchema,
  sweepResultSchema,
} from './schemas/conversation';

const tag = 'conversations';
const digits = (what: string) =>
  z
    .string()
    .regex(/^[0-9]{1,15}$/, 'digits only, as TeleSign sends it')
    .optional()
    .describe(what);
const id = (what: string) => z.string().min(1).max(200).optional().describe(what);

export const conversationQuery = z.strictObject({
  state: z.enum(CONVERSATION_STATES).optional().describe('In this state.'),
  queueId: id('In this queue.'),
  agentId: id('Held by this agent.'),
  workStreamId: id('Of this work stream.'),
  customerNumber: digits("The customer's number, e.g. 14155550123."),
  supportNumber: digits('The support number texted, e.g. 14155550100.'),
  contactId: id('Linked to this contact.'),
  accountId: id('Linked to this account.'),
  ...sinceUntil('created'),
  ...pageQuery,
});

export const inboundEventQuery = z.strictObject({
  kind: z.enum(INBOUND_EVENT_KINDS).optional().describe('Inbound SMS or delivery reports.'),
  outcome: z.enum(INBOUND_EVENT_OUTCOMES).optional().describe('With this outcome.'),
  referenceId: id("TeleSign's reference id."),
  conversationId: id('About this conversation.'),
  ...sinceUntil('received'),
  ...pageQuery,
});

export function conversationRoutes(service: ChannelService): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/conversations',
      tag,
      summary: 'Conversations, newest created first, a page at a time; filtered',
      query: conversationQuery,
      response: conversationPageSchema,
      errors: [],
      handle: ({ query }) => service.findConversations(query),
    }),
    route({
      method: 'get',
      path: '/api/conversations/:id',
      tag,
      summary: 'A conversation with its transcript and transitions',
      params: idParams,
      response: conversationSchema,
      errors: ['NOT_FOUND'],
      handle: ({ params }) => service.getConversation(params.id),
    }),
    route({
      method: 'get',
      path: '/api/inbound-events',
      tag,
      summary:
        'Every TeleSign callback as received (inbound SMS and delivery reports, raw body) with its outcome, newest first, a page at a time',
      query: inboundEventQuery,
      response: inboundEventPageSchema,
      errors: [],
      handle: ({ query }) => service.findInboundEvents(query),
    }),
    route({
      method: 'post',
      path: '/api/auto-close/sweep',
      tag,
      summary: 'Run the auto-close sweep now; returns the closed conversation ids',
      response: sweepResultSchema,
      errors: [],
      handle: async () => ({ closed: await service.sweep() }),
    }),
  ];
}
