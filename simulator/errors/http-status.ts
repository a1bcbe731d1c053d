// The one place where error codes (faked API and control plane) meet HTTP statuses.
import type { ControlCode } from './control-errors';
import type { TeleSignCode } from './telesign-codes';

export type ErrorStatus = 400 | 401 | 402 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 503;

export const TELESIGN_HTTP_STATUS = {
  10002: 401,
  10003: 401,
  10004: 401,
  10005: 401,
  10008: 401,
  10013: 401,
  10015: 401,
  10017: 404,
  10019: 429,
  10020: 429,
  10030: 402,
  10033: 400,
  10036: 404,
  11000: 400,
  11001: 400,
  11003: 400,
  11004: 400,
  11009: 400,
  11010: 400,
  11011: 400,
  11013: 400,
  11016: 400,
  11017: 400,
  12000: 400,
  12009: 400,
  12017: 400,
  [-40004]: 404,
  [-40005]: 405,
  [-40006]: 400,
  [-90001]: 503,
} as const satisfies Record<TeleSignCode, ErrorStatus>;

export const CONTROL_HTTP_STATUS = {
  invalid_json: 400,
  invalid_field: 400,
  body_too_large: 413,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  not_manual_clock: 409,
  unprocessable: 422,
  host_not_allowed: 403,
  origin_not_allowed: 403,
  unsupported_media_type: 415,
  path_not_allowed: 400,
} as const satisfies Record<ControlCode, ErrorStatus>;
