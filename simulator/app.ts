// The fake TeleSign's hono app: the faked API (optionally under a base path) and the /_sim control plane.
import { Hono } from 'hono';
import type { Backend } from './backend/backend';
import { SimulatorError } from './errors/control-errors';
import type { ApiExchange } from './http/api-exchange';
import { controlError } from './http/control/control-http';
import { controlRoutes } from './http/control/control-routes';
import { controlIndexHandler } from './http/control/index-route';
import { type FrontDoorOptions, frontDoor } from './http/front-door';
import { messagingRoutes } from './http/messaging-routes';
import {
  HINT_HEADER,
  headerSafe,
  internalErrorAnswer,
  problemBody,
  toResponse,
} from './http/telesign-envelope';

export interface AppOptions {
  basePath: string;
  /** Runs every faked-API request (api-exchange.ts). */
  exchange: ApiExchange;
  closing: Promise<void>;
  /** Who may call: host names and browser origins besides loopback and same-origin. */
  access: FrontDoorOptions;
}

export function createApp(backend: Backend, options: AppOptions) {
  const app = new Hono();
  app.use('*', frontDoor(options.access));
  // The banner prints `…/_sim/` (with the slash), which the sub-app's own `/` does not match.
  app.get('/_sim/', controlIndexHandler);
  app.route('/_sim', controlRoutes(backend, options.closing));
  app.route(options.basePath || '/', messagingRoutes(backend, options.exchange));
  app.get('/', (c) =>
    c.json({
      name: 'fake TeleSign',
      api: ['POST /v1/messaging', 'GET /v1/messaging/{reference_id}'],
      control: 'GET /_sim/openapi.json',
    }),
  );
  app.notFound((c) =>
    c.body(problemBody({ code: -40004 }, backend.clock.now()), 404, {
      'Content-Type': 'application/json',
      [HINT_HEADER]: headerSafe(`${c.req.path} is not part of the faked API`),
    }),
  );
  app.onError((error, c) => {
    if (error instanceof SimulatorError) return controlError(c, error);
    // A bug, not bad input: say so in TeleSign's shape rather than crash the connection.
    console.error('fake TeleSign: unexpected error', error);
    return toResponse(internalErrorAnswer(error, backend.clock.now()));
  });
  return app;
}
