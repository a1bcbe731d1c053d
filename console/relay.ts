// The console's relay: forwards a button's call to the channel API or TeleSign's control plane and
// always answers 200 with the API's status and body, so an API refusal is shown in the page and
// never logged by the browser as a failed request (decision 042).
import type { Context } from 'hono';
import { z } from 'zod';
import type { FetchLike } from './data';

export const relayRequestSchema = z
  .object({
    target: z.enum(['channel', 'telesign']),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    path: z
      .string()
      .min(1)
      .max(2000)
      .refine((p) => !/(^|\/)\.\.?(\/|\?|$)/.test(p), 'path must not contain . or .. segments'),
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
  const init: RequestInit = { method: request.method, headers: { accept: 'application/json' } };
  if (request.body !== undefined) {
    init.body = JSON.stringify(request.body);
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
  }
  const fetchFn = request.target === 'channel' ? options.channelFetch : options.telesignFetch;
  try {
    const response = await fetchFn(url, init);
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    return { status: response.status, body };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 502, body: { error: { code: 'unreachable', message } } };
  }
}

/** `POST /console/call`: a malformed relay request is a 400 naming the field. */
export function relayHandler(options: RelayOptions) {
  return async (c: Context) => {
    let json: unknown;
    try {
      json = JSON.parse(await c.req.text());
    } catch {
      return c.json({ error: { code: 'invalid_json', message: 'The body is not JSON.' } }, 400);
    }
    const parsed = relayRequestSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || '(root)';
      return c.json(
        { error: { code: 'invalid_field', message: `${field}: ${issue?.message}`, field } },
        400,
      );
    }
    return c.json(await relayCall(options, parsed.data));
  };
}
