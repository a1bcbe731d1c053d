// The one mapping from error codes to HTTP statuses: a new code without a status fails typechecking.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../domain/errors';
import type { HttpErrorCode } from './http-errors';

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  WORK_STREAM_NAME_INVALID: 400,
  WORK_STREAM_MODE_FIXED: 409,
  AUTO_CLOSE_TOO_SHORT: 400,
  SMS_SETTINGS_INCOMPLETE: 409,
  NUMBER_FORMAT_INVALID: 400,
  NUMBER_TYPE_NOT_SUPPORTED: 400,
  WORK_STREAM_HAS_NUMBER: 409,
  NUMBER_IN_USE: 409,
  NUMBER_DESCRIPTION_TOO_LONG: 400,
  DEFAULT_QUEUE_UNDELETABLE: 409,
  QUEUE_IN_USE: 409,
  WORK_STREAM_IN_USE: 409,
  AGENT_NOT_ELIGIBLE: 409,
  NO_OFFER: 409,
  WRONG_MODE: 409,
  TRANSITION_NOT_ALLOWED: 409,
  CONVERSATION_CLOSED: 409,
  NOT_CONVERSATION_AGENT: 403,
  MESSAGE_TOO_LONG: 400,
  MESSAGE_EMPTY: 400,
  INBOUND_SIGNATURE_INVALID: 401,
  INBOUND_URL_UNKNOWN: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
} as const satisfies Record<ErrorCode | HttpErrorCode, ContentfulStatusCode>;
