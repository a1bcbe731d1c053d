// Observes the state-changing requests a server answers with 2xx, for the recorder: wraps a fetch
// function or a server's request handler without changing what it answers.
import { mayBeRecorded, type ObservedRequest } from './request-steps';

type Handler<E> = (request: Request, env?: E) => Response | Promise<Response>;

async function json(source: Request | Response): Promise<unknown> {
  const text = await source.text().catch(() => '');
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

/** The path of an absolute URL without building a URL object (this runs on every request). */
function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  const end = url.search(/[?#]/);
  return end < 0 || end < start ? url.slice(start) : url.slice(start, end);
}

/** The same handler; each state-changing request it answers 2xx is reported after the answer. */
export function tapHandler<E>(
  handler: Handler<E>,
  observe: (request: ObservedRequest) => void,
  now: () => number,
): Handler<E> {
  return async (request, env) => {
    // Only what could become a step is copied: texts and callbacks (the hot paths) pass untouched.
    if (!mayBeRecorded(request.method, pathOf(request.url))) return handler(request, env);
    const at = now();
    const copy = request.clone();
    const response = await handler(request, env);
    if (response.status >= 200 && response.status < 300) {
      const [body, answer] = await Promise.all([json(copy), json(response.clone())]);
      observe({
        at,
        method: request.method,
        path: pathOf(request.url),
        body,
        response: answer,
      });
    }
    return response;
  };
}

/** `tapHandler` for a fetch-like function (the console's and the seeding's in-process calls). */
export function tapFetch(
  fetchFn: (input: string | URL | Request, init?: RequestInit) => Promise<Response>,
  observe: (request: ObservedRequest) => void,
  now: () => number,
): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  const tapped = tapHandler((request: Request) => fetchFn(request), observe, now);
  return async (input, init) => tapped(new Request(input, init));
}
