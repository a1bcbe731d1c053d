// A production inbound endpoint's log of TeleSign callbacks (JSON lines: when received, headers, raw
// body), read and validated line by line into inbound SMS and delivery reports.
import { z } from 'zod';

/** One line of the log, as an inbound endpoint would have written it. */
export const logLineSchema = z.strictObject({
  receivedAt: z.iso.datetime({
    offset: true,
    message: 'receivedAt is an ISO 8601 time, e.g. 2026-03-02T09:14:05.123Z',
  }),
  headers: z.record(z.string(), z.string(), {
    message: 'headers is an object of header names to string values',
  }),
  body: z.string({ message: 'body is the raw request body TeleSign posted, as a string' }),
});

const statusSchema = z.looseObject({
  code: z.number({ message: 'status.code is TeleSign’s numeric status code' }).int(),
  description: z.string().optional(),
  updated_on: z.string().optional(),
});

/** TeleSign's inbound SMS (telesign.md §4); fields beyond these are kept out of the recording. */
const moSmsSchema = z.looseObject({
  reference_id: z.string().min(1),
  sub_resource: z.literal('mo_sms'),
  user_response: z.looseObject({
    phone_number: z.string().regex(/^\+?\d{4,15}$/, 'user_response.phone_number is digits'),
    sender_id: z.string().regex(/^\+?\d{3,15}$/, 'user_response.sender_id is digits'),
    mo_message: z.string(),
  }),
});

/** TeleSign's delivery report (telesign.md §3). */
const reportSchema = z.looseObject({
  reference_id: z.string().min(1),
  status: statusSchema,
  external_id: z.string().nullable().optional(),
  sub_resource: z.string().optional(),
  additional_info: z
    .looseObject({ message_parts_count: z.union([z.number(), z.string()]).optional() })
    .optional(),
});

export interface InboundEvent {
  kind: 'inbound';
  line: number;
  at: number;
  referenceId: string;
  from: string;
  to: string;
  text: string;
}

export interface ReportEvent {
  kind: 'report';
  line: number;
  at: number;
  referenceId: string;
  externalId: string | null;
  code: number;
  parts: number | null;
}

export type CallbackEvent = InboundEvent | ReportEvent;

export class CallbackLogError extends Error {
  constructor(readonly problems: string[]) {
    super(`the callback log has ${problems.length} bad line(s):\n  ${problems.join('\n  ')}`);
  }
}

const issuesOf = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.join('.') || '(line)'}: ${i.message}`).join('; ');

const digits = (phone: string): string => phone.replace(/^\+/, '');

/** One line's event; throws a message naming the field when the line is not a TeleSign callback. */
function readLine(text: string, line: number): CallbackEvent {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('not JSON: each line is {"receivedAt","headers","body"}');
  }
  const entry = logLineSchema.safeParse(raw);
  if (!entry.success) throw new Error(issuesOf(entry.error));
  let body: unknown;
  try {
    body = JSON.parse(entry.data.body);
  } catch {
    throw new Error('body: TeleSign posts JSON; this body is not JSON');
  }
  const at = Date.parse(entry.data.receivedAt);
  const sub = (body as { sub_resource?: unknown } | null)?.sub_resource;
  if (sub === 'mo_sms') {
    const mo = moSmsSchema.safeParse(body);
    if (!mo.success) throw new Error(`body (inbound SMS): ${issuesOf(mo.error)}`);
    return {
      kind: 'inbound',
      line,
      at,
      referenceId: mo.data.reference_id,
      from: digits(mo.data.user_response.phone_number),
      to: digits(mo.data.user_response.sender_id),
      text: mo.data.user_response.mo_message,
    };
  }
  const report = reportSchema.safeParse(body);
  if (!report.success)
    throw new Error(
      `body: neither an inbound SMS (sub_resource "mo_sms") nor a delivery report: ${issuesOf(report.error)}`,
    );
  const parts = Number(report.data.additional_info?.message_parts_count);
  return {
    kind: 'report',
    line,
    at,
    referenceId: report.data.reference_id,
    externalId: report.data.external_id ?? null,
    code: report.data.status.code,
    parts: Number.isInteger(parts) && parts > 0 ? parts : null,
  };
}

/** Every callback of the log in the order received; all bad lines are reported together. */
export function readCallbackLog(text: string): CallbackEvent[] {
  const events: CallbackEvent[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((content, index) => {
    if (content.trim() === '') return;
    try {
      events.push(readLine(content, index + 1));
    } catch (error) {
      problems.push(`line ${index + 1}: ${(error as Error).message}`);
    }
  });
  if (problems.length > 0) throw new CallbackLogError(problems);
  if (events.length === 0) throw new CallbackLogError(['the log holds no callbacks']);
  return events.sort((a, b) => a.at - b.at || a.line - b.line);
}
