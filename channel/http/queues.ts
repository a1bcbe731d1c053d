// Admin API for queues, with the organisation's undeletable default queue (R-RT-4).
import { z } from 'zod';
import type { ChannelService } from '../service/contract';
import { idParams } from './common-schemas';
import { type Route, route } from './route';

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
      handle: () => service.listQueues(),
    }),
    route({
      method: 'post',
      path: '/api/queues',
      tag,
      summary: 'Create a queue',
      body: createQueueBody,
      status: 201,
      handle: ({ body }) => service.createQueue(body),
    }),
    route({
      method: 'delete',
      path: '/api/queues/:id',
      tag,
      summary: 'Delete a queue (not the default one, not one in use)',
      params: idParams,
      status: 204,
      handle: ({ params }) => service.deleteQueue(params.id),
    }),
  ];
}
