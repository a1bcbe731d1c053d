// The faked TeleSign messaging API: POST /v1/messaging and GET /v1/messaging/{reference_id}.
import { type Context, Hono } from 'hono';
import type { Backend } from '../backend/backend';
import type { MessageRecord } from '../backend/messages';
import { validateSend } from '../backend/send-request';
import type { TeleSignProblem } from '../errors/telesign-codes';
import type { ApiEnv } from './api-env';
import { type ApiGuardOptions, apiGuard } from './api-guard';
import { teleSignError } from './telesign-envelope';

/** TeleSign keeps a message's status for 12 hours; later GETs answer 404/10036. */
export const STATUS_RETENTION_MS = 12 * 60 * 60_000;

const FORM = 'application/x-www-form-urlencoded';

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

export function messagingRoutes(backend: Backend, guard: Omit<ApiGuardOptions, 'backend'>) {
  const api = new Hono<ApiEnv>();
  const now = (): number => backend.clock.now();
  const json = (value: unknown): Response =>
    new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json' } });
  const fail = (c: Context<ApiEnv>, problem: TeleSignProblem, extra = {}): Response =>
    teleSignError(c, problem, now(), extra);
  const note = (c: Context<ApiEnv>, text: string): void => {
    c.set('notes', [...(c.get('notes') ?? []), text]);
  };

  api.use('/v1/*', apiGuard({ backend, ...guard }));

  api.post('/v1/messaging', async (c) => {
    const { fields, hint } = formFields(c.req.header('content-type') ?? '', c.get('body'));
    const checked = validateSend(fields);
    if (!checked.ok) {
      const first = checked.problems[0] ?? { code: 12000 };
      const hints = [hint, ...checked.problems.map((p) => p.hint)].filter(Boolean).join('; ');
      return fail(
        c,
        { code: first.code, ...(hints ? { hint: hints } : {}) },
        {
          external_id: checked.externalId,
        },
      );
    }
    for (const text of checked.notes) note(c, text);
    const sent = await backend.send(c.get('account'), checked.value);
    if (!sent.ok) return fail(c, sent.problem, { external_id: checked.value.externalId });
    for (const text of sent.notes) note(c, text);
    const { record } = sent;
    c.set('referenceId', record.referenceId);
    c.set('phone', record.phoneNumber);
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
      return fail(c, { code: 11011, hint: 'reference_id is 32 hexadecimal digits' });
    }
    const referenceId = raw.toUpperCase();
    c.set('referenceId', referenceId);
    const record = backend.messages.find(c.get('account').customerId, referenceId);
    if (!record) {
      return fail(c, { code: 10017, hint: `no message ${referenceId} for this customer` });
    }
    if (now() - Date.parse(record.submittedAt) > STATUS_RETENTION_MS) {
      return fail(c, {
        code: 10036,
        hint: `message ${referenceId} was sent at ${record.submittedAt}; TeleSign keeps status for 12 hours`,
      });
    }
    c.set('phone', record.phoneNumber);
    c.set('teleSignCode', record.status.code);
    return json(messageBody(record));
  });

  const notAllowed = (allowed: string) => (c: Context<ApiEnv>) =>
    fail(c, { code: -40005, hint: `${c.req.method} ${c.req.path} accepts ${allowed} only` });
  api.all('/v1/messaging', notAllowed('POST'));
  api.all('/v1/messaging/:reference_id', notAllowed('GET'));
  api.all('/v1/*', (c) =>
    fail(c, {
      code: -40004,
      hint: `${c.req.path} is not part of the faked API (POST /v1/messaging, GET /v1/messaging/{reference_id})`,
    }),
  );
  return api;
}
