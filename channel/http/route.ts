// A route as data: method, path, zod schemas and a handler. The same list registers the hono routes,
// answers 405 for known paths, and generates the OpenAPI document, so the three cannot drift.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { parseWith, readJsonBody } from './validate';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<P, Q, B> {
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
  c: Context;
}

export interface RouteSpec<P, Q, B> {
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
  /** Success status; 204 answers with no body. */
  status?: 200 | 201 | 204;
  /** What the success body is, for the OpenAPI document. */
  returns?: string;
  /** The handler answers with data (sent as JSON) or a Response of its own (streams). */
  handle(input: RouteInput<P, Q, B>): unknown;
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
  returns: string;
  run(c: Context): Promise<Response>;
}

export function route<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<P, Q, B>): Route {
  const status = spec.status ?? 200;
  return {
    method: spec.method,
    path: spec.path,
    tag: spec.tag,
    summary: spec.summary,
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { query: spec.query } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    status,
    returns: spec.returns ?? (status === 204 ? 'nothing' : 'JSON'),
    async run(c) {
      const params = (
        spec.params ? parseWith('path', spec.params, c.req.param()) : undefined
      ) as Infer<P>;
      const query = (
        spec.query ? parseWith('query', spec.query, c.req.query()) : undefined
      ) as Infer<Q>;
      const body = (
        spec.body ? parseWith('body', spec.body, await readJsonBody(c), spec.bodyName) : undefined
      ) as Infer<B>;
      const result = await spec.handle({ params, query, body, c });
      if (result instanceof Response) return result;
      if (status === 204) return c.body(null, 204);
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
