// Admin API for a work stream's ordered routing rule items, as data (R-RT-3, R-RT-5).
import { z } from 'zod';
import type { Condition } from '../domain/model';
import type { ChannelService } from '../service/contract';
import { idParams } from './common-schemas';
import { type Route, route } from './route';
import { routingRuleSchema as routingRuleResponse } from './schemas/admin';

const tag = 'routing';

const OPERATORS = [
  'equals',
  'not-equals',
  'begins-with',
  'ends-with',
  'contains',
  'in',
  'exists',
] as const;

const fieldCondition = z.strictObject({
  field: z.string().min(1, 'name the field to test, e.g. contact.city or customer.number'),
  op: z.enum(OPERATORS),
  value: z.union([z.string(), z.array(z.string())]).optional(),
});

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    fieldCondition,
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
  ]),
);

export const routingRuleSchema = z.strictObject({
  id: z.string().min(1).optional(),
  name: z.string().trim().min(1, 'a rule needs a name').max(100),
  condition: conditionSchema,
  queueId: z.string().min(1),
});

export const replaceRoutingRulesBody = z.array(routingRuleSchema).max(500);

export function routingRuleRoutes(service: ChannelService): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/work-streams/:id/routing-rules',
      tag,
      summary: 'List routing rule items in evaluation order',
      params: idParams,
      response: z.array(routingRuleResponse),
      errors: ['NOT_FOUND'],
      handle: ({ params }) => service.listRoutingRules(params.id),
    }),
    route({
      method: 'put',
      path: '/api/work-streams/:id/routing-rules',
      tag,
      summary: 'Replace (and reorder) the routing rule items; the first match wins',
      params: idParams,
      body: replaceRoutingRulesBody,
      bodyName: 'rules',
      response: z.array(routingRuleResponse),
      errors: ['NOT_FOUND', 'ROUTING_FIELD_NOT_ALLOWED'],
      handle: ({ params, body }) => service.replaceRoutingRules(params.id, body),
    }),
  ];
}
