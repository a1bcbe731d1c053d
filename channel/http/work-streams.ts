// Admin API for work streams (R-WS-1, R-WS-2): list, create, read, update, delete.
import { z } from 'zod';
import { DISTRIBUTION_MODES } from '../domain/model';
import { CAPACITY_UNITS_RULE, MAX_CAPACITY_UNITS } from '../domain/work-stream-rules';
import type { ChannelService } from '../service/contract';
import { idParams, presence } from './common-schemas';
import { NO_CONTENT, type Route, route } from './route';
import { workStreamSchema } from './schemas/admin';

const tag = 'work streams';
const ms = z.number().int().positive();

export const createWorkStreamBody = z.strictObject({
  name: z.string(),
  mode: z.enum(DISTRIBUTION_MODES),
  capacityUnits: z
    .number()
    .int()
    .min(1, CAPACITY_UNITS_RULE)
    .max(MAX_CAPACITY_UNITS, CAPACITY_UNITS_RULE)
    .optional(),
  allowedPresences: z.array(presence).min(1).optional(),
  // Any number under 8 hours, zero and negatives included, gets the domain's error naming the minimum (R-WS-2).
  autoCloseAfterInactivityMs: z.number().int().optional(),
  offerTimeoutMs: ms.optional(),
});

export const updateWorkStreamBody = createWorkStreamBody.partial();

export function workStreamRoutes(service: ChannelService): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/work-streams',
      tag,
      summary: 'List work streams (API keys masked)',
      response: z.array(workStreamSchema),
      errors: [],
      handle: () => service.listWorkStreams(),
    }),
    route({
      method: 'post',
      path: '/api/work-streams',
      tag,
      summary: 'Create an SMS work stream',
      body: createWorkStreamBody,
      status: 201,
      response: workStreamSchema,
      errors: ['WORK_STREAM_NAME_INVALID', 'AUTO_CLOSE_TOO_SHORT'],
      handle: ({ body }) => service.createWorkStream(body),
    }),
    route({
      method: 'get',
      path: '/api/work-streams/:id',
      tag,
      summary: 'Read a work stream',
      params: idParams,
      response: workStreamSchema,
      errors: ['NOT_FOUND'],
      handle: ({ params }) => service.getWorkStream(params.id),
    }),
    route({
      method: 'patch',
      path: '/api/work-streams/:id',
      tag,
      summary: 'Change a work stream (the mode is fixed)',
      params: idParams,
      body: updateWorkStreamBody,
      response: workStreamSchema,
      errors: [
        'NOT_FOUND',
        'WORK_STREAM_NAME_INVALID',
        'WORK_STREAM_MODE_FIXED',
        'AUTO_CLOSE_TOO_SHORT',
      ],
      handle: ({ params, body }) => service.updateWorkStream(params.id, body),
    }),
    route({
      method: 'delete',
      path: '/api/work-streams/:id',
      tag,
      summary: 'Delete a work stream',
      params: idParams,
      response: NO_CONTENT,
      errors: ['NOT_FOUND', 'WORK_STREAM_IN_USE'],
      handle: ({ params }) => service.deleteWorkStream(params.id),
    }),
  ];
}
