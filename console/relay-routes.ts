// Which calls the relay may forward: the operations the two OpenAPI documents describe, minus
// any whose answer is a stream (a relayed stream would never end). Read once from the documents.
import type { FetchLike } from './data';

export interface DocumentedRoute {
  method: string;
  pattern: RegExp;
  stream: boolean;
}

interface OpenApiLike {
  paths?: Record<string, Record<string, { responses?: Record<string, unknown> } | undefined>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

const isStream = (operation: { responses?: Record<string, unknown> } | undefined): boolean =>
  JSON.stringify(operation?.responses ?? {}).includes('text/event-stream');

/** The documented operations of an OpenAPI document, with `{param}` matching one segment. */
export function documentedRoutes(document: unknown): DocumentedRoute[] {
  const paths = (document as OpenApiLike | null)?.paths ?? {};
  const routes: DocumentedRoute[] = [];
  for (const [path, item] of Object.entries(paths)) {
    const source = path
      .split('/')
      .map((part) =>
        /^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/');
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      routes.push({
        method: method.toUpperCase(),
        pattern: new RegExp(`^${source}$`),
        stream: isStream(operation),
      });
    }
  }
  return routes;
}

/** Loads a document once; a failed load is retried on the next call. */
export function routeBook(fetchFn: FetchLike, url: string): () => Promise<DocumentedRoute[]> {
  let loaded: Promise<DocumentedRoute[]> | undefined;
  return () => {
    loaded ??= fetchFn(url, { headers: { accept: 'application/json' } })
      .then(async (response) => documentedRoutes(await response.json()))
      .catch((error: unknown) => {
        loaded = undefined;
        throw error;
      });
    return loaded;
  };
}

export type RouteVerdict = 'documented' | 'stream' | 'undocumented';

export function judgeRoute(
  routes: readonly DocumentedRoute[],
  method: string,
  path: string,
): RouteVerdict {
  const pathOnly = path.split('?')[0] ?? path;
  const match = routes.find((r) => r.method === method && r.pattern.test(pathOnly));
  if (!match) return 'undocumented';
  return match.stream ? 'stream' : 'documented';
}
