// Conversations with transcripts and transition history, the raw inbound journal, and the sweep.
import { z } from 'zod';
import { CONVERSATION_STATES } from '../domain/model';
import type { ChannelService } from '../service/contract';
import { idParams } from './common-schemas';
import { type Route, route } from './route';
import { conversationSchema, inboundEventSchema, sweepResultSchema } from './schemas/conversation';

const tag = 'conversations';

export const conversationQuery = z.strictObject({
  state: z.enum(CONVERSATION_STATES).optional(),
  queueId: z.string().min(1).optional(),
  agentId: z.string().min(1).optional(),
  workStreamId: z.string().min(1).optional(),
  customerNumber: z
    .string()
    .regex(/^[0-9]{1,15}$/, 'digits only, as TeleSign sends it')
    .optional(),
});

export function conversationRoutes(service: ChannelService): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/conversations',
      tag,
      summary: 'List conversations, filtered',
      query: conversationQuery,
      response: z.array(conversationSchema),
      errors: [],
      handle: ({ query }) => service.listConversations(query),
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
      summary: 'Every TeleSign callback as received, with its outcome',
      response: z.array(inboundEventSchema),
      errors: [],
      handle: () => service.listInboundEvents(),
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
