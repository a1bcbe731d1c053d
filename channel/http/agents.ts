// Admin and agent API for agents: create, change, presence (R-AG-1, R-AG-2), offers and work items.
import { z } from 'zod';
import type { ChannelService } from '../service/contract';
import { idParams, presence } from './common-schemas';
import { type Route, route } from './route';
import { conversationSchema } from './schemas/conversation';
import { agentSchema } from './schemas/people';

const tag = 'agents';

export const agentBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'an agent needs a name').max(100),
  queueIds: z.array(z.string().min(1)).optional(),
  capacity: z.number().int().positive().max(10_000).optional(),
  presence: presence.optional(),
});
export const updateAgentBody = agentBodySchema.partial();
export const presenceBody = z.strictObject({ presence });

export function agentRoutes(service: ChannelService): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/agents',
      tag,
      summary: 'List agents with effective presence',
      response: z.array(agentSchema),
      errors: [],
      handle: () => service.listAgents(),
    }),
    route({
      method: 'post',
      path: '/api/agents',
      tag,
      summary: 'Create an agent',
      body: agentBodySchema,
      status: 201,
      response: agentSchema,
      errors: ['NOT_FOUND'],
      handle: ({ body }) => service.createAgent(body),
    }),
    route({
      method: 'get',
      path: '/api/agents/:id',
      tag,
      summary: 'Read an agent',
      params: idParams,
      response: agentSchema,
      errors: ['NOT_FOUND'],
      handle: ({ params }) => service.getAgent(params.id),
    }),
    route({
      method: 'patch',
      path: '/api/agents/:id',
      tag,
      summary: 'Change an agent',
      params: idParams,
      body: updateAgentBody,
      response: agentSchema,
      errors: ['NOT_FOUND'],
      handle: ({ params, body }) => service.updateAgent(params.id, body),
    }),
    route({
      method: 'put',
      path: '/api/agents/:id/presence',
      tag,
      summary: "Set the agent's chosen presence",
      params: idParams,
      body: presenceBody,
      response: agentSchema,
      errors: ['NOT_FOUND'],
      handle: ({ params, body }) => service.setPresence(params.id, body.presence),
    }),
    route({
      method: 'get',
      path: '/api/agents/:id/offers',
      tag,
      summary: 'Conversations offered to the agent (push mode)',
      params: idParams,
      response: z.array(conversationSchema),
      errors: ['NOT_FOUND'],
      handle: ({ params }) => service.offersFor(params.id),
    }),
    route({
      method: 'get',
      path: '/api/agents/:id/work-items',
      tag,
      summary: "The agent's conversations (Active, Waiting, Wrap-up)",
      params: idParams,
      response: z.array(conversationSchema),
      errors: ['NOT_FOUND'],
      handle: ({ params }) => service.workItemsFor(params.id),
    }),
  ];
}
