// A route as data: method, path, zod schemas for what comes in and what goes out, the errors it can
// answer, and a handler typed by its response schema. The same list registers the hono routes,
// answers 405 for known paths, and generates the OpenAPI document, so the three cannot drift.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { ErrorCode } from '../domain/errors';
import type { HttpErrorCode } from './http-errors';
import { parseWith, readJsonBody } from './validate';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The answer is 204 with no body. */
export const NO_CONTENT = { kind: 'no-content' } as const;
export type NoContent = typeof NO_CONTENT;
/** The answer is a stream the handler writes itself (server-sent events). */
export interface EventStream {
  kind: 'event-stream';
  description: string;
}
/** What a route answers on success: a JSON body described by a zod schema, nothing, or a stream. */
export type ResponseSpec = z.ZodType | NoContent | EventStream;

/** What the handler must return for its response: the schema's type, nothing, or a Response. */
// biome-ignore lint/suspicious/noConfusingVoidType: a 204 handler returns the service's Promise<void>.
export type Reply<R> = R extends z.ZodType ? z.input<R> : R extends NoContent ? void : Response;

export type AnyErrorCode = ErrorCode | HttpErrorCode;
/** Declared per route; these are added by the route itself (see `implicitErrors`). */
export type RouteErrorCode = Exclude<
  AnyErrorCode,
  'VALIDATION_FAILED' | 'PAYLOAD_TOO_LARGE' | 'INTERNAL' | 'ROUTE_NOT_FOUND' | 'METHOD_NOT_ALLOWED'
>;

export interface RouteInput<P, Q, B> {
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
  c: Context;
}

export interface RouteSpec<P, Q, B, R extends ResponseSpec> {
  method: Method;
  /** hono syntax, e.g. `/api/work-streams/:id`. */
  path: string;
  tag: string;
  summary: string;
  params?: P;
  query?: Q;
  body?: B;
  /** What a body that is a list is called in error fields (`rules[0].name`); default `body`. */
  bodyName?: string;
  /** Free-text body fields, which may hold LF, CR and TAB; every other control character is refused. */
  multiline?: readonly string[];
  /** Success status of a JSON answer (default 200); `NO_CONTENT` answers 204. */
  status?: 200 | 201;
  /** Required: what the success answer is. Handlers are typed by it; tests validate it. */
  response: R;
  /** Required: the error codes the service can answer with here, besides the implicit ones. */
  errors: readonly RouteErrorCode[];
  handle(input: RouteInput<P, Q, B>): Reply<R> | Promise<Reply<R>>;
}

export interface Route {
  method: Method;
  path: string;
  tag: string;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  status: 200 | 201 | 204;
  response: ResponseSpec;
  /** Every error code this operation can answer, implicit ones included. */
  errors: readonly AnyErrorCode[];
  run(c: Context): Promise<Response>;
}

/**
 * Errors every operation of its kind can answer: bad input where there is input, a body over the
 * limit where a body can be sent (the limit is checked before routing reads it), and a bug.
 */
export function implicitErrors(spec: {
  method: Method;
  params?: unknown;
  query?: unknown;
  body?: unknown;
}): AnyErrorCode[] {
  return [
    ...(spec.params || spec.query || spec.body ? (['VALIDATION_FAILED'] as const) : []),
    ...(spec.method === 'get' ? [] : (['PAYLOAD_TOO_LARGE'] as const)),
    'INTERNAL',
  ];
}

export function isJsonResponse(response: ResponseSpec): response is z.ZodType {
  return !(
    'kind' in response &&
    (response.kind === 'no-content' || response.kind === 'event-stream')
  );
}

export function route<
  R extends ResponseSpec,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<P, Q, B, R>): Route {
  const noContent = spec.response === NO_CONTENT;
  const status = noContent ? 204 : (spec.status ?? 200);
  return {
    method: spec.method,
    path: spec.path,
    tag: spec.tag,
    summary: spec.summary,
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { query: spec.query } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    status,
    response: spec.response,
    errors: [...new Set([...implicitErrors(spec), ...spec.errors])],
    async run(c) {
      const params = (
        spec.params ? parseWith('path', spec.params, c.req.param()) : undefined
      ) as Infer<P>;
      const query = (
        spec.query ? parseWith('query', spec.query, c.req.query()) : undefined
      ) as Infer<Q>;
      const body = (
        spec.body
          ? parseWith('body', spec.body, await readJsonBody(c), spec.bodyName, spec.multiline)
          : undefined
      ) as Infer<B>;
      const result: unknown = await spec.handle({ params, query, body, c });
      if (result instanceof Response) return result;
      if (noContent) return c.body(null, 204);
      return c.json(result ?? null, status as ContentfulStatusCode);
    },
  };
}

/** `/api/work-streams/:id` → `/api/work-streams/{id}` (OpenAPI form). */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** A matcher for a hono path with `:params`, for the 405 check. */
export function pathMatcher(path: string): RegExp {
  const escaped = path
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}
