// The fake TeleSign's front door: the shared local guard with the control plane's error shape.
// JSON is required on the control plane only; the faked API keeps TeleSign's own body rules.
import type { MiddlewareHandler } from 'hono';
import { localGuard } from '../../lib/http-guard/local-guard';
import type { RefusalKind } from '../../lib/http-guard/refusals';
import { type ControlCode, SimulatorError } from '../errors/control-errors';
import { controlError } from './control/control-http';

const CODE = {
  host: 'host_not_allowed',
  origin: 'origin_not_allowed',
  'media-type': 'unsupported_media_type',
  path: 'path_not_allowed',
} as const satisfies Record<RefusalKind, ControlCode>;

export interface FrontDoorOptions {
  allowedHosts: () => readonly string[];
  allowedOrigins: () => readonly string[];
}

export function frontDoor(options: FrontDoorOptions): MiddlewareHandler {
  return localGuard({
    allowedHosts: options.allowedHosts,
    allowedOrigins: options.allowedOrigins,
    jsonBody: (path) => path === '/_sim' || path.startsWith('/_sim/'),
    refuse: (c, r) => controlError(c, new SimulatorError(CODE[r.kind], r.message)),
  });
}
