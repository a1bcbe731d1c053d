// The channel's front door: the shared local guard and body limit, refusing in the channel's own
// error shape (HttpError codes, statuses in error-status.ts).
import type { MiddlewareHandler } from 'hono';
import { bodyLimitWhileReading } from '../../lib/http-guard/body-limit';
import { localGuard } from '../../lib/http-guard/local-guard';
import type { RefusalKind } from '../../lib/http-guard/refusals';
import { HttpError, type HttpErrorCode } from './http-errors';

const CODE = {
  host: 'HOST_NOT_ALLOWED',
  origin: 'ORIGIN_NOT_ALLOWED',
  'media-type': 'UNSUPPORTED_MEDIA_TYPE',
  path: 'PATH_NOT_ALLOWED',
} as const satisfies Record<RefusalKind, HttpErrorCode>;

export interface ChannelAccess {
  /** Host names answered besides loopback (the listen host, `--allowed-host`s). */
  allowedHosts?: () => readonly string[];
  /** Browser origins allowed besides same-origin pages (`--allowed-origin`s). */
  allowedOrigins?: () => readonly string[];
}

export function channelFrontDoor(access: ChannelAccess, maxBytes: number): MiddlewareHandler[] {
  return [
    localGuard({
      ...access,
      refuse: (_c, r) => {
        throw new HttpError(CODE[r.kind], r.message);
      },
    }),
    bodyLimitWhileReading({
      maxBytes,
      onTooLarge: () => {
        throw new HttpError('PAYLOAD_TOO_LARGE');
      },
    }),
  ];
}
