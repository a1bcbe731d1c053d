// TeleSign callback bodies as the channel accepts them: inbound SMS (`mo_sms`) and delivery reports.
import { z } from 'zod';

const status = z.object({
  code: z.coerce.number().int(),
  description: z.string().default(''),
  updated_on: z.string().optional(),
});

export const inboundSmsPayload = z.object({
  reference_id: z.string().min(1),
  sub_resource: z.literal('mo_sms'),
  status: status.optional(),
  user_response: z.object({
    phone_number: z.string().min(1),
    sender_id: z.string().min(1),
    mo_message: z.string(),
  }),
});
export type InboundSmsPayload = z.infer<typeof inboundSmsPayload>;

export const deliveryReportPayload = z.object({
  reference_id: z.string().min(1),
  external_id: z.string().nullish(),
  status,
});
export type DeliveryReportPayload = z.infer<typeof deliveryReportPayload>;

/** The body as JSON with its `sub_resource`, or null when it is not a JSON object. */
export function parseCallbackBody(
  rawBody: string,
): { json: Record<string, unknown>; subResource: unknown } | null {
  try {
    const json: unknown = JSON.parse(rawBody);
    if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
    const record = json as Record<string, unknown>;
    return { json: record, subResource: record.sub_resource };
  } catch {
    return null;
  }
}

/** A zod failure as "field: problem", naming the first field at fault. */
export function describeIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || 'body';
  return { field, message: `${field}: ${issue?.message ?? 'invalid'}` };
}
