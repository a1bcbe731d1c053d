// A tiny JSON client over an injected fetch: how scenarios reach both servers, in-process or over sockets.

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface ApiResponse {
  status: number;
  body: unknown;
}

export interface ApiClient {
  readonly baseUrl: string;
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResponse>;
  /** Like `call`, but a non-2xx answer throws an error naming the request and the answer. */
  must(method: string, path: string, body?: unknown): Promise<unknown>;
}

export function createApiClient(fetchFn: FetchLike, baseUrl: string): ApiClient {
  const base = baseUrl.replace(/\/$/, '');
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const response = await fetchFn(`${base}${path}`, init);
    const text = await response.text();
    let parsed: unknown = text;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: response.status, body: parsed };
  };
  return {
    baseUrl: base,
    call,
    async must(method, path, body) {
      const response = await call(method, path, body);
      if (response.status < 200 || response.status > 299) {
        throw new Error(
          `${method} ${path} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 400)}`,
        );
      }
      return response.body;
    },
  };
}

/**
 * A fetch that hands requests to a hono app (`app.fetch`) without a socket. A text body carries its
 * Content-Length, as every HTTP client sends it on the wire (fetch, node-fetch), so the servers
 * read it as they read a socket's request instead of counting an unsized stream.
 */
export function inProcessFetch(
  appFetch: (request: Request) => Response | Promise<Response>,
): FetchLike {
  return async (input, init) => {
    if (input instanceof Request) return appFetch(input);
    if (typeof init?.body !== 'string') return appFetch(new Request(input, init));
    const headers = new Headers(init.headers);
    if (!headers.has('content-length'))
      headers.set('content-length', String(Buffer.byteLength(init.body)));
    return appFetch(new Request(input, { ...init, headers }));
  };
}
