// Admin API for accounts, whose main phone identifies the customer like a contact's mobile phone (R-RT-1).
import { z } from 'zod';
import type { ChannelService } from '../service/contract';
import { idParams } from './common-schemas';
import { NO_CONTENT, type Route, route } from './route';
import { accountSchema } from './schemas/people';

const tag = 'accounts';

export const accountBody = z.strictObject({
  name: z.string().trim().min(1, 'an account needs a name').max(160),
  mainPhone: z
    .string()
    .regex(/^\+?[0-9 ()./-]{4,24}$/, 'a main phone looks like +<country code><number>')
    .optional(),
  status: z.enum(['active', 'inactive']).optional(),
  fields: z.record(z.string().min(1).max(100), z.string().max(1000)).optional(),
});
export const updateAccountBody = accountBody
  .extend({
    mainPhone: z
      .union([
        z.literal(''),
        z
          .string()
          .regex(/^\+?[0-9 ()./-]{4,24}$/, 'a main phone looks like +<country code><number>'),
      ])
      .optional(),
  })
  .partial();

export function accountRoutes(service: ChannelService): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/accounts',
      tag,
      summary: 'List accounts',
      response: z.array(accountSchema),
      errors: [],
      handle: () => service.listAccounts(),
    }),
    route({
      method: 'post',
      path: '/api/accounts',
      tag,
      summary: 'Create an account',
      body: accountBody,
      status: 201,
      response: accountSchema,
      errors: [],
      handle: ({ body }) => service.createAccount(body),
    }),
    route({
      method: 'get',
      path: '/api/accounts/:id',
      tag,
      summary: 'Read an account',
      params: idParams,
      response: accountSchema,
      errors: ['NOT_FOUND'],
      handle: ({ params }) => service.getAccount(params.id),
    }),
    route({
      method: 'patch',
      path: '/api/accounts/:id',
      tag,
      summary: 'Change an account (an empty mainPhone removes it)',
      params: idParams,
      body: updateAccountBody,
      response: accountSchema,
      errors: ['NOT_FOUND'],
      handle: ({ params, body }) => service.updateAccount(params.id, body),
    }),
    route({
      method: 'delete',
      path: '/api/accounts/:id',
      tag,
      summary: 'Delete an account',
      params: idParams,
      response: NO_CONTENT,
      errors: ['NOT_FOUND'],
      handle: ({ params }) => service.deleteAccount(params.id),
    }),
  ];
}
