// Admin API for a work stream's SMS number and the format check used by forms (R-NUM).
import { z } from 'zod';
import { NUMBER_TYPES } from '../domain/model';
import type { ChannelService } from '../service/contract';
import { idParams } from './common-schemas';
import { type Route, route } from './route';
import { numberCheckSchema, workStreamSchema } from './schemas/admin';

const tag = 'numbers';

// Format, type and description rules are the service's (R-NUM-1/2/6), with a message per mistake.
export const addNumberBody = z.strictObject({
  number: z.string(),
  type: z.enum(NUMBER_TYPES).optional(),
  description: z.string().optional(),
});
export const checkNumberBody = z.strictObject({ number: z.string() });
const numberParams = z.object({ id: z.string().min(1), number: z.string().min(1) });

export function numberRoutes(service: ChannelService): Route[] {
  return [
    route({
      method: 'post',
      path: '/api/work-streams/:id/numbers',
      tag,
      summary: 'Add the work stream number (one per work stream, long code only)',
      params: idParams,
      body: addNumberBody,
      status: 201,
      response: workStreamSchema,
      errors: [
        'NOT_FOUND',
        'NUMBER_FORMAT_INVALID',
        'NUMBER_TYPE_NOT_SUPPORTED',
        'NUMBER_DESCRIPTION_TOO_LONG',
        'WORK_STREAM_HAS_NUMBER',
        'NUMBER_IN_USE',
      ],
      handle: ({ params, body }) => service.addNumber(params.id, body),
    }),
    route({
      method: 'delete',
      path: '/api/work-streams/:id/numbers/:number',
      tag,
      summary: 'Remove the work stream number',
      params: numberParams,
      response: workStreamSchema,
      errors: ['NOT_FOUND'],
      handle: ({ params }) => service.removeNumber(params.id, params.number),
    }),
    route({
      method: 'post',
      path: '/api/numbers/check',
      tag,
      summary: 'Check a number format without saving it',
      body: checkNumberBody,
      response: numberCheckSchema,
      errors: [],
      handle: ({ body }) => service.checkNumberFormat(body.number),
    }),
  ];
}
