// Admin API for the organisation and a work stream's TeleSign settings (R-WS-3, R-WS-4, R-WS-5).
import { z } from 'zod';
import type { ChannelService } from '../service/contract';
import { idParams } from './common-schemas';
import { type Route, route } from './route';

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
      handle: () => service.organisation(),
    }),
    route({
      method: 'put',
      path: '/api/work-streams/:id/sms-settings',
      tag,
      summary: 'Save the TeleSign customer ID and API key (the key is never returned)',
      params: idParams,
      body: smsSettingsBody,
      handle: ({ params, body }) => service.saveSmsSettings(params.id, body),
    }),
    route({
      method: 'post',
      path: '/api/work-streams/:id/validate-api-key',
      tag,
      summary:
        'Validate the saved credentials against TeleSign (and, with a number, send it a test SMS to check the account owns it) and record the outcome',
      params: idParams,
      handle: ({ params }) => service.validateApiKey(params.id),
    }),
  ];
}
