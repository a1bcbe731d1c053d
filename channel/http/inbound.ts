// TeleSign's inbound URL: takes the raw callback and its signature to the service. TeleSign retries
// anything but 200, so duplicates and unroutable numbers are still 200 (R-MSG-7, R-SEC-2).
import { z } from 'zod';
import type { ChannelService } from '../service/contract';
import { type Route, route } from './route';

const inboundParams = z.object({ orgId: z.string().min(1), token: z.string().min(1) });

export function inboundRoutes(service: ChannelService): Route[] {
  return [
    route({
      method: 'post',
      path: '/telesign/inbound/:orgId/:token',
      tag: 'telesign',
      summary: 'TeleSign callbacks (inbound SMS and delivery reports), signed with the API key',
      params: inboundParams,
      response: z.strictObject({ ok: z.literal(true) }),
      // TeleSign retries anything but 200; only a forgery or a wrong URL is refused.
      errors: ['INBOUND_SIGNATURE_INVALID', 'INBOUND_URL_UNKNOWN'],
      handle: async ({ params, c }) => {
        await service.receiveCallback({
          orgId: params.orgId,
          token: params.token,
          rawBody: await c.req.text(),
          authorization: c.req.header('authorization'),
        });
        return { ok: true as const };
      },
    }),
  ];
}
