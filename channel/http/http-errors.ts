// Errors that belong to HTTP itself (no such route, wrong method, body too large), beside the
// channel's catalogue; they carry a code and a message but no status, like ChannelError.
export const HTTP_ERROR_CATALOGUE = {
  ROUTE_NOT_FOUND: { rule: 'HTTP', message: 'There is no such path; see GET /openapi.json.' },
  METHOD_NOT_ALLOWED: { rule: 'HTTP', message: 'This path does not accept this method.' },
  PAYLOAD_TOO_LARGE: { rule: 'HTTP', message: 'The request body is larger than 64 KB.' },
  HOST_NOT_ALLOWED: { rule: 'HTTP', message: 'This server does not answer to that Host name.' },
  ORIGIN_NOT_ALLOWED: { rule: 'HTTP', message: 'Pages of that origin may not call this server.' },
  UNSUPPORTED_MEDIA_TYPE: { rule: 'HTTP', message: 'The body must be JSON (application/json).' },
  PATH_NOT_ALLOWED: { rule: 'HTTP', message: 'The path has an encoded or dot segment.' },
  INTERNAL: { rule: 'HTTP', message: 'The channel failed unexpectedly; this is a bug.' },
} as const satisfies Record<string, { rule: string; message: string }>;

export type HttpErrorCode = keyof typeof HTTP_ERROR_CATALOGUE;

export class HttpError extends Error {
  readonly code: HttpErrorCode;
  readonly rule: string;
  readonly headers: Record<string, string>;

  constructor(code: HttpErrorCode, message?: string, headers: Record<string, string> = {}) {
    super(message ?? HTTP_ERROR_CATALOGUE[code].message);
    this.name = 'HttpError';
    this.code = code;
    this.rule = HTTP_ERROR_CATALOGUE[code].rule;
    this.headers = headers;
  }
}
