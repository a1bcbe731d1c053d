// TeleSign's error catalogue for the faked API: stable codes and TeleSign's own texts, no HTTP.

/**
 * `status.description` word for word as TeleSign writes it: the SMS API's 2019 OpenAPI tables
 * (400/401/402/404/429), except where a response captured from production shows the exact wire
 * text (10008, 11000), which wins. Backticks in the tables are Markdown, not part of the text.
 * Negative codes are the fake's own (no TeleSign text exists for them); docs/telesign-api.md says
 * where each text comes from.
 */
export const TELESIGN_ERRORS = {
  10002: 'x-ts-nonce header value has been used recently',
  10003: 'x-ts-nonce header value is either too long or too short',
  10004: 'Date or x-ts-date header is not within tolerable range',
  10005: 'Date or x-ts-date header is not RFC822 compliant',
  10008: 'Invalid Signature.',
  10013: 'Invalid Request. CustomerID Account Not Found',
  10015: 'Invalid customer ID',
  10017: 'Customer ID / Reference ID not found',
  10019: 'Rate Limit Exceeded',
  10020: 'Messaging exceeded transaction hard cap. Request denied.',
  10030: 'Insufficient funds in prepaid wallet',
  10033: 'Unverified phone_number requested for trial account.',
  10036: 'Reference ID expired',
  11000: 'Invalid value for parameter phone_number.',
  11001: 'Invalid country code for parameter phone_number',
  11003: 'Invalid value for parameter account_lifecycle_event',
  11004: 'Invalid value for parameter callback_url',
  11009: 'Invalid value for parameter message',
  11010: 'Invalid value for parameter originating_ip',
  11011: 'Invalid value for parameter reference_id',
  11013: 'Invalid value for parameter sender_id',
  11016: 'Invalid value for parameter external_id',
  11017: 'Invalid value for parameter message_type',
  12000: 'Missing required parameter phone_number',
  12009: 'Missing required parameter message',
  12017: 'Missing required parameter message_type',
  [-40004]: 'Resource not found',
  [-40005]: 'Method not allowed',
  [-40006]: 'Bad request',
  [-90001]: 'System unavailable, please try again later',
} as const;

export type TeleSignCode = keyof typeof TELESIGN_ERRORS;

/** One problem with a request, as the faked API reports it. */
export interface TeleSignProblem {
  code: TeleSignCode;
  /**
   * The fake's own explanation of what to fix: journaled and sent in the `x-sim-hint` header,
   * never in the body (the body carries TeleSign's text only).
   */
  hint?: string;
}

export function describeProblem(problem: TeleSignProblem): string {
  return TELESIGN_ERRORS[problem.code];
}
