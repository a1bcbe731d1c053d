// The control plane under /_sim: its route groups and its error answers (CORS and who may call
// are the front door's, simulator/http/front-door.ts).
import { Hono } from 'hono';
import type { Backend } from '../../backend/backend';
import { SimulatorError } from '../../errors/control-errors';
import { openApiDocument } from '../../openapi/document';
import { accountRoutes } from './account-routes';
import { callbackRoutes } from './callback-routes';
import { controlError } from './control-http';
import { handsetBookRoutes } from './handset-book-routes';
import { handsetRoutes } from './handset-routes';
import { controlIndexHandler } from './index-route';
import { observeRoutes } from './observe-routes';
import { optOutRoutes } from './opt-out-routes';
import { settingsRoutes } from './settings-routes';
import { worldRoutes } from './world-routes';

const patternOf = (path: string): RegExp =>
  new RegExp(`^${path.replace(/:[^/]+/g, '[^/]+').replace(/\*/g, '.*')}/?$`);

export function controlRoutes(backend: Backend, closing: Promise<void>) {
  const r = new Hono();
  r.get('/openapi.json', (c) => c.json(openApiDocument));
  r.get('/', controlIndexHandler);
  r.route('/', accountRoutes(backend));
  r.route('/', settingsRoutes(backend));
  r.route('/', callbackRoutes(backend));
  r.route('/', handsetRoutes(backend));
  r.route('/', handsetBookRoutes(backend));
  r.route('/', optOutRoutes(backend));
  r.route('/', observeRoutes(backend, closing));
  r.route('/', worldRoutes(backend));

  const known = r.routes
    .filter((route) => route.method !== 'ALL')
    .map((route) => patternOf(route.path));
  r.all('*', (c) => {
    const path = c.req.path.replace(/^\/_sim/, '') || '/';
    const error = known.some((p) => p.test(path))
      ? new SimulatorError('method_not_allowed', `${c.req.method} is not allowed on ${c.req.path}`)
      : new SimulatorError(
          'route_not_found',
          `no control route ${c.req.method} ${c.req.path}; see GET /_sim/openapi.json`,
        );
    return controlError(c, error);
  });
  r.onError((error, c) => {
    if (error instanceof SimulatorError) return controlError(c, error);
    throw error;
  });
  return r;
}
