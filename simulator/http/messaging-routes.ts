// The faked TeleSign messaging API: POST /v1/messaging and GET /v1/messaging/{reference_id}.
import { type Context, Hono } from 'hono';
import type { Backend } from '../backend/backend';
import type { MessageRecord } from '../backend/messages';
import { validateSend } from '../backend/send-request';
import type { ApiEnv } from './api-env';
import { type ApiGuardOptions, apiGuard } from './api-guard';
import { teleSignError } from './telesign-envelope';

type Fields = { ok: true; fields: Record<string, unknown> } | { ok: false; description: string };

function parseFields(contentType: string, body: string): Fields {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (
    type === 'application/x-www-form-urlencoded' ||
    (type === '' && !body.trim().startsWith('{'))
  ) {
    const fields: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(body)) if (!(key in fields)) fields[key] = value;
    return { ok: true, fields };
  }
  if (type === 'application/json' || type === '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return { ok: false, description: 'Bad request: the body is not valid JSON.' };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return {
        ok: false,
        description: 'Bad request: the JSON body must be an object of parameters.',
      };
    }
    return { ok: true, fields: parsed as Record<string, unknown> };
  }
  return {
    ok: false,
    description: `Bad request: Content-Type "${type}" is not supported; use application/x-www-form-urlencoded or application/json.`,
  };
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

export function messagingRoutes(backend: Backend, guard: Omit<ApiGuardOptions, 'backend'>) {
  const api = new Hono<ApiEnv>();
  const iso = (): string => new Date(backend.clock.now()).toISOString();
  const json = (value: unknown): Response =>
    new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json' } });

  api.use('/v1/*', apiGuard({ backend, ...guard }));

  api.post('/v1/messaging', (c) => {
    const parsed = parseFields(c.req.header('content-type') ?? '', c.get('body'));
    if (!parsed.ok)
      return teleSignError(c, [{ code: -40006, description: parsed.description }], iso());
    const checked = validateSend(parsed.fields);
    if (!checked.ok) return teleSignError(c, checked.problems, iso());
    const notOwned = backend.senderProblem(c.get('account'), checked.value.senderId);
    if (notOwned) return teleSignError(c, [notOwned], iso());
    const record = backend.sendMessage(c.get('account'), checked.value);
    c.set('referenceId', record.referenceId);
    c.set('teleSignCode', 290);
    return json({
      reference_id: record.referenceId,
      external_id: record.externalId,
      status: {
        code: record.status.code,
        description: record.status.description,
        updated_on: record.status.updatedOn,
      },
    });
  });

  api.get('/v1/messaging/:reference_id', (c) => {
    const raw = c.req.param('reference_id');
    if (!/^[0-9A-Fa-f]{32}$/.test(raw)) {
      return teleSignError(
        c,
        [
          {
            code: 11011,
            description: 'Invalid value for parameter reference_id: 32 hexadecimal digits.',
          },
        ],
        iso(),
      );
    }
    const referenceId = raw.toUpperCase();
    c.set('referenceId', referenceId);
    const record = backend.messages.find(c.get('account').customerId, referenceId);
    if (!record) {
      return teleSignError(
        c,
        [
          {
            code: 10017,
            description: `Customer ID / Reference ID not found: no message ${referenceId} for this customer.`,
          },
        ],
        iso(),
      );
    }
    c.set('teleSignCode', record.status.code);
    return json(messageBody(record));
  });

  const notAllowed = (allowed: string) => (c: Context<ApiEnv>) =>
    teleSignError(
      c,
      [
        {
          code: -40005,
          description: `Method not allowed: ${c.req.method} ${c.req.path} accepts ${allowed}.`,
        },
      ],
      iso(),
    );
  api.all('/v1/messaging', notAllowed('POST'));
  api.all('/v1/messaging/:reference_id', notAllowed('GET'));
  api.all('/v1/*', (c) =>
    teleSignError(
      c,
      [
        {
          code: -40004,
          description: `Resource not found: ${c.req.path} is not part of the faked API (POST /v1/messaging, GET /v1/messaging/{reference_id}).`,
        },
      ],
      iso(),
    ),
  );
  return api;
}
