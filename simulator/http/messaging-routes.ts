// The faked TeleSign messaging API: POST /v1/messaging and GET /v1/messaging/{reference_id}, as
// routes of the framework-free exchange (api-exchange.ts), mounted on hono here.
import { type Context, Hono } from 'hono';
import type { Backend } from '../backend/backend';
import type { MessageRecord } from '../backend/messages';
import { validateSend } from '../backend/send-request';
import {
  type ApiAnswer,
  type ApiExchange,
  type ApiRequest,
  type ApiRoute,
  failCall,
} from './api-exchange';
import { readBodyText } from './read-body';
import { toResponse } from './telesign-envelope';

/** TeleSign keeps a message's status for 12 hours; later GETs answer 404/10036. */
export const STATUS_RETENTION_MS = 12 * 60 * 60_000;

const FORM = 'application/x-www-form-urlencoded';
const JSON_HEADERS = { 'Content-Type': 'application/json' } as const;

/**
 * The send's parameters. TeleSign's endpoint consumes form bodies only (both 2019 specs), so any
 * other body yields no parameters at all and fails as "missing phone_number", like a form parser
 * reading JSON would; `hint` says why.
 */
function formFields(
  contentType: string,
  body: string,
): { fields: Record<string, string>; hint?: string } {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== FORM) {
    const shown = type === '' ? 'no Content-Type' : `Content-Type ${type}`;
    return {
      fields: {},
      hint: `POST /v1/messaging reads ${FORM} bodies only; this request has ${shown}, so no parameter was read`,
    };
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body)) if (!(key in fields)) fields[key] = value;
  return { fields };
}

export function messageBody(record: MessageRecord): Record<string, unknown> {
  return {
    reference_id: record.referenceId,
    external_id: record.externalId,
    submit_timestamp: record.submittedAt,
    status: {
      code: record.status.code,
      description: record.status.description,
      updated_on: record.status.updatedOn,
    },
  };
}

/** The routes of the faked API, each a function of one authenticated call. */
export function messagingHandlers(backend: Backend) {
  const now = (): number => backend.clock.now();

  /** POST /v1/messaging: form fields, TeleSign's validation, the send (answered once written). */
  const send: ApiRoute = async (call) => {
    const { fields, hint } = formFields(call.request.header('content-type') ?? '', call.body);
    const checked = validateSend(fields);
    if (!checked.ok) {
      const first = checked.problems[0] ?? { code: 12000 };
      const hints = [hint, ...checked.problems.map((p) => p.hint)].filter(Boolean).join('; ');
      return failCall(call, { code: first.code, ...(hints ? { hint: hints } : {}) }, now(), {
        external_id: checked.externalId,
      });
    }
    call.notes.push(...checked.notes);
    const sent = await backend.send(call.account, checked.value);
    if (!sent.ok) {
      return failCall(call, sent.problem, now(), { external_id: checked.value.externalId });
    }
    call.notes.push(...sent.notes);
    const { record } = sent;
    call.referenceId = record.referenceId;
    call.phone = record.phoneNumber;
    call.teleSignCode = 290;
    return {
      status: 200,
      headers: { ...JSON_HEADERS },
      body: JSON.stringify({
        reference_id: record.referenceId,
        external_id: record.externalId,
        status: {
          code: record.status.code,
          description: record.status.description,
          updated_on: record.status.updatedOn,
        },
      }),
    };
  };

  /** GET /v1/messaging/{reference_id}: the status for 12 hours. */
  const status =
    (raw: string): ApiRoute =>
    (call) => {
      if (!/^[0-9A-Fa-f]{32}$/.test(raw)) {
        return failCall(
          call,
          { code: 11011, hint: 'reference_id is 32 hexadecimal digits' },
          now(),
        );
      }
      const referenceId = raw.toUpperCase();
      call.referenceId = referenceId;
      const record = backend.messages.find(call.account.customerId, referenceId);
      if (!record) {
        return failCall(
          call,
          { code: 10017, hint: `no message ${referenceId} for this customer` },
          now(),
        );
      }
      if (now() - Date.parse(record.submittedAt) > STATUS_RETENTION_MS) {
        return failCall(
          call,
          {
            code: 10036,
            hint: `message ${referenceId} was sent at ${record.submittedAt}; TeleSign keeps status for 12 hours`,
          },
          now(),
        );
      }
      call.phone = record.phoneNumber;
      call.teleSignCode = record.status.code;
      return {
        status: 200,
        headers: { ...JSON_HEADERS },
        body: JSON.stringify(messageBody(record)),
      };
    };

  const notAllowed =
    (allowed: string): ApiRoute =>
    (call) =>
      failCall(
        call,
        {
          code: -40005,
          hint: `${call.request.method} ${call.request.path} accepts ${allowed} only`,
        },
        now(),
      );

  const notFound: ApiRoute = (call) =>
    failCall(
      call,
      {
        code: -40004,
        hint: `${call.request.path} is not part of the faked API (POST /v1/messaging, GET /v1/messaging/{reference_id})`,
      },
      now(),
    );

  return { send, status, notAllowed, notFound };
}

/** The request of a hono context, for the exchange. */
export function honoRequest(c: Context): ApiRequest {
  return {
    method: c.req.method,
    url: c.req.url,
    path: c.req.path,
    header: (name) => c.req.header(name),
    headers: c.req.raw.headers,
    body: () => readBodyText(c),
  };
}

export function messagingRoutes(backend: Backend, exchange: ApiExchange) {
  const api = new Hono();
  const routes = messagingHandlers(backend);
  const serve =
    (route: (c: Context) => ApiRoute) =>
    async (c: Context): Promise<Response> => {
      const answer: ApiAnswer = await exchange(honoRequest(c), route(c));
      return toResponse(answer);
    };

  api.post(
    '/v1/messaging',
    serve(() => routes.send),
  );
  api.get(
    '/v1/messaging/:reference_id',
    serve((c) => routes.status(c.req.param('reference_id') ?? '')),
  );
  api.all(
    '/v1/messaging',
    serve(() => routes.notAllowed('POST')),
  );
  api.all(
    '/v1/messaging/:reference_id',
    serve(() => routes.notAllowed('GET')),
  );
  api.all(
    '/v1/*',
    serve(() => routes.notFound),
  );
  return api;
}
