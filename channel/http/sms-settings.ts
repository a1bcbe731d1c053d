// Admin API for the organisation and a work stream's TeleSign settings (R-WS-3, R-WS-4, R-WS-5).
import { z } from 'zod';
import type { ChannelService } from '../service/contract';
import { idParams } from './common-schemas';
import { type Route, route } from './route';
import { organisationSchema, validationResultSchema, workStreamSchema } from './schemas/admin';

const tag = 'sms settings';

export const smsSettingsBody = z.strictObject({
  customerId: z.string().trim().min(1, 'the TeleSign customer ID cannot be empty').max(200),
  apiKey: z.string().trim().min(1, 'the API key cannot be empty').max(500).optional(),
});

export function smsSettingsRoutes(service: ChannelService): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/organisation',
      tag,
      summary: "The organisation's id and TeleSign inbound URL",
      response: organisationSchema,
      errors: [],
      handle: () => service.organisation(),
    }),
    route({
      method: 'put',
      path: '/api/work-streams/:id/sms-settings',
      tag,
      summary: 'Save the TeleSign customer ID and API key (the key is never returned)',
      params: idParams,
      body: smsSettingsBody,
      response: workStreamSchema,
      errors: ['NOT_FOUND'],
      handle: ({ params, body }) => service.saveSmsSettings(params.id, body),
    }),
    route({
      method: 'post',
      path: '/api/work-streams/:id/validate-api-key',
      tag,
      summary:
        'Validate the saved credentials against TeleSign (and, with a number, send it a test SMS to check the account owns it) and record the outcome',
      params: idParams,
      response: validationResultSchema,
      errors: ['NOT_FOUND', 'SMS_SETTINGS_INCOMPLETE'],
      handle: ({ params }) => service.validateApiKey(params.id),
    }),
  ];
}
