// The console's relay: forwards a button's call to the channel API or TeleSign's control plane and
// always answers 200 with the API's status and body, so an API refusal is shown in the page and
// never logged by the browser as a failed request (decision 042). It forwards only documented
// request/response operations, never a stream, with a timeout, a depth limit on what it is sent
// and a size limit on what it reads back (decision 050).
import type { Context } from 'hono';
import { z } from 'zod';
import { unsafePathReason } from '../lib/http-guard/raw-path';
import { jsonDeeperThan } from '../lib/json-depth';
import type { FetchLike } from './data';
import { type DocumentedRoute, judgeRoute, routeBook } from './relay-routes';

export const RELAY_MAX_DEPTH = 32;
export const RELAY_TIMEOUT_MS = 10_000;
export const RELAY_MAX_ANSWER_BYTES = 4 * 1024 * 1024;

export const relayRequestSchema = z
  .object({
    target: z.enum(['channel', 'telesign']),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    path: z
      .string()
      .min(1)
      .max(2000)
      .superRefine((p, ctx) => {
        const reason = unsafePathReason(p);
        if (reason) ctx.addIssue({ code: 'custom', message: `path must not contain ${reason}` });
        else if (p.includes('//') || p.includes('#'))
          ctx.addIssue({ code: 'custom', message: 'path must not contain "//" or "#"' });
      }),
    body: z.unknown().optional(),
  })
  .refine((r) => (r.target === 'channel' ? /^\/api\//.test(r.path) : /^\/_sim\//.test(r.path)), {
    message: 'path must start with /api/ for the channel or /_sim/ for TeleSign',
    path: ['path'],
  });

export interface RelayAnswer {
  status: number;
  body: unknown;
}

export interface RelayOptions {
  channelFetch: FetchLike;
  telesignFetch: FetchLike;
  telesignUrl: string;
  /** The documented operations of each API; default: read once from their OpenAPI documents. */
  routes?: Record<'channel' | 'telesign', () => Promise<DocumentedRoute[]>>;
  timeoutMs?: number;
  maxAnswerBytes?: number;
}

const problem = (status: number, code: string, message: string): RelayAnswer => ({
  status,
  body: { error: { code, message } },
});

class AnswerTooLarge extends Error {}

/** Reads at most `max` bytes of an answer; more cancels the read. */
async function readCapped(response: Response, max: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new AnswerTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Performs one relayed call; an unreachable API is a 502 in the answer, not a thrown error. */
export async function relayCall(
  options: RelayOptions,
  request: z.output<typeof relayRequestSchema>,
): Promise<RelayAnswer> {
  const url =
    request.target === 'channel'
      ? `http://channel.local${request.path}`
      : `${options.telesignUrl.replace(/\/$/, '')}${request.path}`;
  const timeoutMs = options.timeoutMs ?? RELAY_TIMEOUT_MS;
  const abort = new AbortController();
  const init: RequestInit = {
    method: request.method,
    headers: { accept: 'application/json' },
    signal: abort.signal,
  };
  if (request.body !== undefined) {
    init.body = JSON.stringify(request.body);
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
  }
  const fetchFn = request.target === 'channel' ? options.channelFetch : options.telesignFetch;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<RelayAnswer>((resolve) => {
    timer = setTimeout(() => {
      abort.abort();
      resolve(
        problem(
          504,
          'timeout',
          `${request.method} ${request.path} did not answer within ${timeoutMs} ms.`,
        ),
      );
    }, timeoutMs);
  });
  const call = async (): Promise<RelayAnswer> => {
    const response = await fetchFn(url, init);
    if ((response.headers.get('content-type') ?? '').includes('text/event-stream')) {
      await response.body?.cancel().catch(() => undefined);
      return problem(502, 'stream_refused', 'The relay does not forward event streams.');
    }
    const text = await readCapped(response, options.maxAnswerBytes ?? RELAY_MAX_ANSWER_BYTES);
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    return { status: response.status, body };
  };
  try {
    return await Promise.race([call(), deadline]);
  } catch (error) {
    if (error instanceof AnswerTooLarge) {
      return problem(502, 'answer_too_large', 'The API answered more than the relay reads.');
    }
    const message = error instanceof Error ? error.message : String(error);
    return problem(502, 'unreachable', message);
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

const refuse = (c: Context, code: string, message: string, field?: string) =>
  c.json({ error: { code, message, ...(field ? { field } : {}) } }, 400);

/** `POST /console/call`: a malformed relay request is a 400 naming the field. */
export function relayHandler(options: RelayOptions) {
  const routes = options.routes ?? {
    channel: routeBook(options.channelFetch, 'http://channel.local/openapi.json'),
    telesign: routeBook(
      options.telesignFetch,
      `${options.telesignUrl.replace(/\/$/, '')}/_sim/openapi.json`,
    ),
  };
  return async (c: Context) => {
    const text = await c.req.text();
    if (jsonDeeperThan(text, RELAY_MAX_DEPTH)) {
      return refuse(c, 'too_deep', `The body nests deeper than ${RELAY_MAX_DEPTH} levels.`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return refuse(c, 'invalid_json', 'The body is not JSON.');
    }
    const parsed = relayRequestSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || '(root)';
      return refuse(c, 'invalid_field', `${field}: ${issue?.message}`, field);
    }
    const { target, method, path } = parsed.data;
    let documented: DocumentedRoute[];
    try {
      documented = await routes[target]();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return c.json(problem(502, 'unreachable', message));
    }
    const verdict = judgeRoute(documented, method, path);
    if (verdict !== 'documented') {
      const message =
        verdict === 'stream'
          ? `path: ${method} ${path} is an event stream, which the relay does not forward; open it directly`
          : `path: ${method} ${path} is not an operation of the ${target} OpenAPI document`;
      return refuse(c, 'invalid_field', message, 'path');
    }
    return c.json(await relayCall(options, parsed.data));
  };
}
