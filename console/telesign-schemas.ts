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

export const handsetSchema = z.looseObject({
  phone: z.string(),
  name: z.string().optional(),
  inbox: z.array(inboxMessageSchema).default([]),
  outbox: z.array(outboxMessageSchema).default([]),
  delivery: z.unknown().optional(),
});
export type ConsoleHandset = z.infer<typeof handsetSchema>;

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
  detail: z.string(),
});
export type ConsoleJournalEntry = z.infer<typeof journalEntrySchema>;

export const faultSchema = z.looseObject({
  id: z.string(),
  target: z.string(),
  kind: z.string(),
  remaining: z.number(),
  customerId: z.string().optional(),
});
export type ConsoleFault = z.infer<typeof faultSchema>;

export const clockSchema = z.looseObject({
  kind: z.string(),
  now: z.union([z.number(), z.string()]),
});
