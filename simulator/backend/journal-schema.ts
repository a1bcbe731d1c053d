// The lines of the fake's request/callback journal on disk, validated on load (JournalEntry).
import { z } from 'zod';
import type { JournalEntry, JournalMessage } from './journal';

const messageSchema: z.ZodType<JournalMessage> = z.object({
  method: z.string().optional(),
  url: z.string().optional(),
  status: z.number().int().optional(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
});

export const journalEntrySchema: z.ZodType<JournalEntry> = z.object({
  seq: z.number().int().positive(),
  at: z.string().min(1),
  kind: z.enum(['api', 'callback', 'state', 'control']),
  customerId: z.string().optional(),
  referenceId: z.string().optional(),
  phone: z.string().optional(),
  method: z.string().optional(),
  path: z.string().optional(),
  status: z.number().int().optional(),
  code: z.number().int().optional(),
  url: z.string().optional(),
  attempt: z.number().int().optional(),
  latencyMs: z.number().optional(),
  signature: z.string().optional(),
  signed: z.string().optional(),
  request: messageSchema.optional(),
  response: messageSchema.optional(),
  detail: z.string(),
});
