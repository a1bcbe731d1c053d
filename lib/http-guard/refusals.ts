// What the local guard refuses, with one status each and a message that says how to allow it.

export type RefusalKind = 'host' | 'origin' | 'media-type' | 'path';

export const REFUSAL_STATUS = {
  host: 403,
  origin: 403,
  'media-type': 415,
  path: 400,
} as const satisfies Record<RefusalKind, 400 | 403 | 415>;

/** The codes a server without its own catalogue answers with (the console's). */
export const REFUSAL_CODE = {
  host: 'host_not_allowed',
  origin: 'origin_not_allowed',
  'media-type': 'unsupported_media_type',
  path: 'path_not_allowed',
} as const satisfies Record<RefusalKind, string>;

export interface Refusal {
  kind: RefusalKind;
  status: (typeof REFUSAL_STATUS)[RefusalKind];
  message: string;
}

export function refusal(kind: RefusalKind, message: string): Refusal {
  return { kind, status: REFUSAL_STATUS[kind], message };
}

export const hostRefused = (host: string): Refusal =>
  refusal(
    'host',
    `Host "${host}" is not a name this server answers to (a page reaching it under another name is how DNS rebinding works). If you meant it, start with --allowed-host ${host.replace(/:\d+$/, '')} (repeatable).`,
  );

export const originRefused = (origin: string): Refusal =>
  refusal(
    'origin',
    `Origin ${origin} may not call this server: only the console's own pages and clients that are not browsers may. If you trust that page, start with --allowed-origin ${origin} (repeatable).`,
  );

export const crossSiteRefused = (site: string): Refusal =>
  refusal(
    'origin',
    `A ${site} browser request without an Origin may not call this server: only the console's own pages and clients that are not browsers may.`,
  );

export const mediaTypeRefused = (method: string, path: string, got: string | undefined): Refusal =>
  refusal(
    'media-type',
    `${method} ${path} takes a JSON body: send Content-Type: application/json${got ? ` (got ${got})` : ' (a body came without a Content-Type)'}.`,
  );

export const pathRefused = (reason: string): Refusal =>
  refusal('path', `The request path contains ${reason}; spell the path plainly.`);
