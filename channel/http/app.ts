// The channel's hono app: every resource's routes, the 64 KB body limit, 404/405 as JSON, and the
// one error handler. Knows the service only through its contract.
import { Hono } from 'hono';
import type { ChannelService } from '../service/contract';
import { accountRoutes } from './accounts';
import { agentActionRoutes } from './agent-actions';
import { agentRoutes } from './agents';
import { contactRoutes } from './contacts';
import { conversationRoutes } from './conversations';
import { createErrorHandler, type UnexpectedErrorLogger } from './error-handler';
import { createStreamRegistry, eventRoutes, type StreamRegistry } from './events';
import { type ChannelAccess, channelFrontDoor } from './front-door';
import { HttpError } from './http-errors';
import { inboundRoutes } from './inbound';
import { numberRoutes } from './numbers';
import { buildOpenApiDocument, openApiDocumentSchema } from './openapi';
import { queueRoutes } from './queues';
import { pathMatcher, type Route, route } from './route';
import { routingRuleRoutes } from './routing-rules';
import { smsSettingsRoutes } from './sms-settings';
import { workStreamRoutes } from './work-streams';

export const MAX_BODY_BYTES = 64 * 1024;

export interface ChannelAppOptions {
  service: ChannelService;
  /** Where unexpected errors (bugs) are reported; defaults to console.error. */
  onUnexpectedError?: UnexpectedErrorLogger;
  /** Who may call besides loopback names and same-origin pages. */
  access?: ChannelAccess;
}

export interface ChannelApp {
  app: Hono;
  routes: Route[];
  streams: StreamRegistry;
}

export function createChannelApp(options: ChannelAppOptions): ChannelApp {
  const { service } = options;
  const streams = createStreamRegistry();
  const routes: Route[] = [
    ...smsSettingsRoutes(service),
    ...workStreamRoutes(service),
    ...numberRoutes(service),
    ...routingRuleRoutes(service),
    ...queueRoutes(service),
    ...contactRoutes(service),
    ...accountRoutes(service),
    ...agentRoutes(service),
    ...agentActionRoutes(service),
    ...conversationRoutes(service),
    ...eventRoutes(service, streams),
    ...inboundRoutes(service),
  ];
  routes.push(
    route({
      method: 'get',
      path: '/openapi.json',
      tag: 'meta',
      summary: 'This OpenAPI 3.1 document',
      response: openApiDocumentSchema,
      errors: [],
      handle: ({ c }) => buildOpenApiDocument(routes, new URL(c.req.url).origin),
    }),
  );

  const app = new Hono();
  app.onError(createErrorHandler(options.onUnexpectedError));
  for (const door of channelFrontDoor(options.access ?? {}, MAX_BODY_BYTES)) app.use('*', door);
  for (const r of routes) app.on(r.method.toUpperCase(), r.path, (c) => r.run(c));

  const matchers = routes.map((r) => ({
    method: r.method.toUpperCase(),
    match: pathMatcher(r.path),
  }));
  app.notFound((c) => {
    const allowed = [
      ...new Set(matchers.filter((m) => m.match.test(c.req.path)).map((m) => m.method)),
    ];
    if (allowed.length > 0) {
      throw new HttpError(
        'METHOD_NOT_ALLOWED',
        `${c.req.method} is not accepted on ${c.req.path}; use ${allowed.join(' or ')}.`,
        { Allow: allowed.join(', ') },
      );
    }
    throw new HttpError('ROUTE_NOT_FOUND', `There is no ${c.req.path}; see GET /openapi.json.`);
  });
  return { app, routes, streams };
}
