// Admin API for contacts, whose mobile phone identifies the customer (R-RT-1).
import { z } from 'zod';
import type { ChannelService } from '../service/contract';
import { idParams } from './common-schemas';
import { NO_CONTENT, type Route, route } from './route';
import { contactSchema } from './schemas/people';

const tag = 'contacts';

export const contactBody = z.strictObject({
  firstName: z.string().trim().min(1, 'a contact needs a first name').max(100),
  lastName: z.string().trim().min(1, 'a contact needs a last name').max(100),
  mobilePhone: z
    .string()
    .regex(/^\+?[0-9 ()./-]{4,24}$/, 'a mobile phone looks like +<country code><number>')
    .optional(),
  email: z.email('not an e-mail address').optional(),
  status: z.enum(['active', 'inactive']).optional(),
  fields: z.record(z.string().min(1).max(100), z.string().max(1000)).optional(),
});
export const updateContactBody = contactBody.partial();

export function contactRoutes(service: ChannelService): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/contacts',
      tag,
      summary: 'List contacts',
      response: z.array(contactSchema),
      errors: [],
      handle: () => service.listContacts(),
    }),
    route({
      method: 'post',
      path: '/api/contacts',
      tag,
      summary: 'Create a contact',
      body: contactBody,
      status: 201,
      response: contactSchema,
      errors: [],
      handle: ({ body }) => service.createContact(body),
    }),
    route({
      method: 'get',
      path: '/api/contacts/:id',
      tag,
      summary: 'Read a contact',
      params: idParams,
      response: contactSchema,
      errors: ['NOT_FOUND'],
      handle: ({ params }) => service.getContact(params.id),
    }),
    route({
      method: 'patch',
      path: '/api/contacts/:id',
      tag,
      summary: 'Change a contact',
      params: idParams,
      body: updateContactBody,
      response: contactSchema,
      errors: ['NOT_FOUND'],
      handle: ({ params, body }) => service.updateContact(params.id, body),
    }),
    route({
      method: 'delete',
      path: '/api/contacts/:id',
      tag,
      summary: 'Delete a contact',
      params: idParams,
      response: NO_CONTENT,
      errors: ['NOT_FOUND'],
      handle: ({ params }) => service.deleteContact(params.id),
    }),
  ];
}
