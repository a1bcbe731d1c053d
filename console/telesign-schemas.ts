// The shapes the console reads from the fake TeleSign's control plane (/_sim/), loose on extra fields.
import { z } from 'zod';

export const inboxMessageSchema = z.looseObject({
  referenceId: z.string(),
  from: z.string(),
  text: z.string(),
  receivedAt: z.string(),
  segments: z.number().optional(),
  encoding: z.string().optional(),
});

export const outboxMessageSchema = z.looseObject({
  referenceId: z.string(),
  to: z.string(),
  text: z.string(),
  sentAt: z.string(),
  note: z.string().optional(),
});

/** `GET /_sim/handsets`: each phone with counts and its delivery setting. */
export const handsetSummarySchema = z.looseObject({
  phone: z.string(),
  inbox: z.number(),
  outbox: z.number(),
  delivery: z.unknown().optional(),
});
export type ConsoleHandsetSummary = z.infer<typeof handsetSummarySchema>;

/** `GET /_sim/handsets/{phone}/messages`. */
export const handsetSchema = z.looseObject({
  phone: z.string(),
  inbox: z.array(inboxMessageSchema).default([]),
  outbox: z.array(outboxMessageSchema).default([]),
  /** The last message sent to the phone before its thread was cleared (null: none or never). */
  cleared_after: z.string().nullable().optional(),
});
export type ConsoleHandset = z.infer<typeof handsetSchema>;

/** `GET /_sim/handsets/{phone}/opt-outs`: the numbers the phone opted out of (managed opt-out). */
export const optOutsSchema = z.looseObject({
  phone: z.string(),
  opt_outs: z.array(z.looseObject({ number: z.string(), keyword: z.string(), since: z.string() })),
});
export type ConsoleOptOuts = z.infer<typeof optOutsSchema>;

const statusSchema = z.looseObject({
  code: z.number(),
  description: z.string(),
  updated_on: z.string().optional(),
});

/** `GET /_sim/messages`: what TeleSign was asked to send, with its delivery status. */
export const telesignMessageSchema = z.looseObject({
  reference_id: z.string(),
  phone_number: z.string(),
  sender_id: z.string().nullable().optional(),
  message: z.string(),
  submit_timestamp: z.string(),
  segments: z.number().optional(),
  status: statusSchema,
  history: z.array(statusSchema).default([]),
});
export type ConsoleTelesignMessage = z.infer<typeof telesignMessageSchema>;

export const journalEntrySchema = z.looseObject({
  seq: z.number(),
  at: z.string(),
  kind: z.string(),
  customerId: z.string().optional(),
  referenceId: z.string().optional(),
  method: z.string().optional(),
  path: z.string().optional(),
  status: z.number().optional(),
  code: z.number().optional(),
  url: z.string().optional(),
  attempt: z.number().optional(),
  latencyMs: z.number().optional(),
  signature: z.string().optional(),
  phone: z.string().optional(),
  signed: z.string().optional(),
  request: z.lazy(() => exchangeSchema).optional(),
  response: z.lazy(() => exchangeSchema).optional(),
  detail: z.string(),
});

/** One side of an HTTP exchange the fake kept in its journal. */
export const exchangeSchema = z.looseObject({
  method: z.string().optional(),
  url: z.string().optional(),
  status: z.number().optional(),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().default(''),
});
export type ConsoleExchange = z.infer<typeof exchangeSchema>;
export type ConsoleJournalEntry = z.infer<typeof journalEntrySchema>;

export const faultSchema = z.looseObject({
  id: z.string(),
  target: z.string(),
  kind: z.string(),
  remaining: z.number(),
  customerId: z.string().optional(),
});
export type ConsoleFault = z.infer<typeof faultSchema>;

/** `GET /_sim/accounts`: only what the console uses (never the API key). */
export const accountSchema = z.looseObject({ customer_id: z.string() });

/** `GET /_sim/accounts/{cid}/numbers`. */
export const numberSchema = z.looseObject({ number: z.string(), type: z.string().optional() });

export const clockSchema = z.looseObject({
  kind: z.string(),
  now: z.number(),
  iso: z.string().optional(),
});
