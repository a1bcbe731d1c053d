// Admin API for queues, with the organisation's undeletable default queue (R-RT-4).
import { z } from 'zod';
import type { ChannelService } from '../service/contract';
import { idParams } from './common-schemas';
import { NO_CONTENT, type Route, route } from './route';
import { queueSchema } from './schemas/admin';

const tag = 'queues';

export const createQueueBody = z.strictObject({
  name: z.string().trim().min(1, 'a queue needs a name').max(100),
});

export function queueRoutes(service: ChannelService): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/queues',
      tag,
      summary: 'List queues',
      response: z.array(queueSchema),
      errors: [],
      handle: () => service.listQueues(),
    }),
    route({
      method: 'post',
      path: '/api/queues',
      tag,
      summary: 'Create a queue',
      body: createQueueBody,
      status: 201,
      response: queueSchema,
      errors: [],
      handle: ({ body }) => service.createQueue(body),
    }),
    route({
      method: 'delete',
      path: '/api/queues/:id',
      tag,
      summary: 'Delete a queue (not the default one, not one in use)',
      params: idParams,
      response: NO_CONTENT,
      errors: ['NOT_FOUND', 'DEFAULT_QUEUE_UNDELETABLE', 'QUEUE_IN_USE'],
      handle: ({ params }) => service.deleteQueue(params.id),
    }),
  ];
}
