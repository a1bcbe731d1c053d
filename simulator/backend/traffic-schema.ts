// The lines of the fake's traffic journal (messages, status changes, handsets, callbacks), validated on load.
import { z } from 'zod';
import type { CallbackPlan, CallbackRecord, StoredJob } from './callback-types';
import { deliverySettingSchema } from './delivery-policy';
import type { InboxMessage, OutboxMessage } from './handsets';
import type { MessageRecord, MessageStatus } from './messages';

const iso = z.string().min(1);
const phoneSchema = z.string().min(1);

const statusSchema: z.ZodType<MessageStatus> = z.object({
  code: z.number().int(),
  description: z.string(),
  updatedOn: iso,
});

const callbackSchema: z.ZodType<CallbackRecord> = z.object({
  id: z.number().int().positive(),
  kind: z.enum(['delivery-report', 'inbound']),
  url: z.string(),
  referenceId: z.string(),
  customerId: z.string(),
  state: z.enum(['pending', 'held', 'delivered', 'failed']),
  attempts: z.array(
    z.object({
      attempt: z.number().int().positive(),
      at: iso,
      status: z.number().int().nullable(),
      error: z.string().optional(),
      latencyMs: z.number(),
      duplicate: z.boolean().optional(),
    }),
  ),
});

/** What it takes to send a callback again, without the API key (looked up when it is sent). */
const storedJobSchema: z.ZodType<StoredJob> = z.object({
  kind: z.enum(['delivery-report', 'inbound']),
  customerId: z.string().min(1),
  url: z.string().min(1),
  referenceId: z.string(),
  phone: z.string().optional(),
  body: z.string(),
  accountUrl: z.boolean().optional(),
});

const planSchema: z.ZodType<CallbackPlan> = z.object({
  attempt: z.number().int().positive(),
  at: z.number().int().nonnegative(),
});

const messageSchema: z.ZodType<MessageRecord> = z.object({
  referenceId: z.string().min(1),
  customerId: z.string().min(1),
  phoneNumber: z.string(),
  senderId: z.string(),
  message: z.string(),
  messageType: z.string(),
  externalId: z.string().nullable(),
  callbackUrl: z.string().nullable(),
  submittedAt: iso,
  chars: z.number().int().nonnegative(),
  segments: z.number().int().nonnegative(),
  encoding: z.enum(['GSM-7', 'UCS-2']),
  delivery: deliverySettingSchema,
  status: statusSchema,
  history: z.array(statusSchema).min(1),
  callbacks: z.array(callbackSchema),
});

const inboxSchema: z.ZodType<InboxMessage> = z.object({
  referenceId: z.string(),
  from: z.string(),
  text: z.string(),
  receivedAt: iso,
  segments: z.number().int().nonnegative(),
  encoding: z.enum(['GSM-7', 'UCS-2']),
});

const outboxSchema: z.ZodType<OutboxMessage> = z.object({
  referenceId: z.string(),
  to: z.string(),
  text: z.string(),
  sentAt: iso,
  customerId: z.string().nullable(),
  callback: callbackSchema.nullable(),
  note: z.string().optional(),
});

/**
 * One journal line. `message` is written at submission (and, compacted, with its whole history
 * and callbacks); `status` at each change; `inbox`/`outbox` when a handset receives or texts;
 * `callback` after every attempt, replacing the earlier copy of the same callback; `cleared` when a
 * handset's thread was cleared (`DELETE /_sim/handsets/{phone}/messages`).
 */
export const trafficRecordSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('message'), v: messageSchema }),
  z.object({ t: z.literal('status'), ref: z.string().min(1), v: statusSchema }),
  z.object({ t: z.literal('inbox'), phone: phoneSchema, v: inboxSchema }),
  z.object({ t: z.literal('outbox'), phone: phoneSchema, v: outboxSchema }),
  z.object({
    t: z.literal('callback'),
    v: callbackSchema,
    /** Written with a callback's first plan: what to post where. */
    job: storedJobSchema.optional(),
    /** The attempt it waits for and when (null: none, delivered or abandoned). */
    next: planSchema.nullable().optional(),
  }),
  z.object({ t: z.literal('cleared'), phone: phoneSchema, after: z.string().nullable() }),
]);

export type TrafficRecord = z.infer<typeof trafficRecordSchema>;
