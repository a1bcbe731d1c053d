// TeleSign's error catalogue for the faked API: stable codes and their descriptions, no HTTP.

/** Codes the faked API answers with in `status.code` (messaging era) or `errors[].code` (legacy). */
export const TELESIGN_ERRORS = {
  10008: 'Invalid Signature.',
  10013: 'Customer ID account not found.',
  10015: 'Invalid Customer ID.',
  10017: 'Customer ID / Reference ID not found.',
  10019: 'Rate Limit Exceeded.',
  11000: 'Invalid value for parameter phone_number.',
  11001: 'Invalid country code in phone_number.',
  11003: 'Invalid value for parameter account_lifecycle_event.',
  11004: 'Invalid value for parameter callback_url.',
  11009: 'Invalid value for parameter message.',
  11010: 'Invalid value for parameter originating_ip.',
  11011: 'Invalid value for parameter reference_id.',
  11013: 'Invalid value for parameter sender_id.',
  11016: 'Invalid value for parameter external_id.',
  11017: 'Invalid value for parameter message_type.',
  12000: 'Missing required parameter phone_number.',
  12009: 'Missing required parameter message.',
  12017: 'Missing required parameter message_type.',
  [-40004]: 'Resource not found.',
  [-40005]: 'Method not allowed.',
  [-40006]: 'Bad request.',
  [-90001]: 'System unavailable, please try again later.',
} as const;

export type TeleSignCode = keyof typeof TELESIGN_ERRORS;

/** The legacy (negative) codes that name the precise authentication failure in `errors[]`. */
export const LEGACY_AUTH_ERRORS = {
  [-30000]: 'Invalid Customer ID.',
  [-30004]: 'Missing Authorization header.',
  [-30005]: 'Authorization header is malformed.',
  [-30006]: 'Invalid Signature.',
  [-30007]: 'Missing Date or x-ts-date header.',
  [-30008]: 'Invalid x-ts-auth-method header.',
  [-30009]: 'Date header is not RFC 822 compliant.',
  [-30010]: 'Date header is outside of the tolerable range.',
  [-30011]: 'Nonce is too long or too short.',
  [-30012]: 'Nonce has been used recently.',
  [-30015]: 'Invalid API key.',
} as const;

export type LegacyAuthCode = keyof typeof LEGACY_AUTH_ERRORS;

/** One problem with a request, as the faked API reports it. */
export interface TeleSignProblem {
  code: TeleSignCode;
  /** Overrides the catalogue text with a more precise one (what exactly to fix). */
  description?: string;
  /** Extra `errors[]` entries (legacy codes) shown beside `status`. */
  errors?: { code: number; description: string }[];
}

export function describeProblem(problem: TeleSignProblem): string {
  return problem.description ?? TELESIGN_ERRORS[problem.code];
}
