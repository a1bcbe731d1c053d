// The expectation vocabulary of a scenario step, as a zod schema (see scenarios/README.md).
import { z } from 'zod';
import { durationSchema } from '../../duration';
import { textSpecSchema } from '../../text-spec';

const detailedMessage = {
  direction: z.enum(['inbound', 'outbound']).optional(),
  text: textSpecSchema.optional(),
  truncated: z.boolean().optional(),
  chars: z.number().int().optional(),
  segments: z.number().int().optional(),
  encoding: z.enum(['GSM-7', 'UCS-2']).optional(),
  delivery: z.number().int().nullable().optional(),
  /** TeleSign's description of the delivery status, as the agent sees it. */
  description: z.union([z.string(), z.strictObject({ contains: z.string() })]).optional(),
  /** What the status means for the agent, e.g. the opt-out of a 510 (R-MSG-8); `null` for none. */
  explanation: z.string().nullable().optional(),
  final: z.boolean().optional(),
  failure: z.union([z.number(), z.string()]).nullable().optional(),
};

const SHORTHANDS = '{ in: text } or { out: text } (shorthands that take no other field)';

export const transcriptItem = z
  .union([
    z.strictObject({ in: textSpecSchema }),
    z.strictObject({ out: textSpecSchema }),
    z.strictObject(detailedMessage),
  ])
  .describe(
    `a transcript item: ${SHORTHANDS}, or { ${Object.keys(detailedMessage).join('?, ')}? }`,
  );

/** One message of the transcript: a transcript item plus `index` (negative counts from the end). */
const index = z.number().int().optional();
export const messageItem = z
  .union([
    z.strictObject({ in: textSpecSchema, index }),
    z.strictObject({ out: textSpecSchema, index }),
    z.strictObject({ ...detailedMessage, index }),
  ])
  .describe(
    `one message: { in: text, index? } or { out: text, index? } (shorthands that take no other field), or { index?, ${Object.keys(detailedMessage).join('?, ')}? }`,
  );

export const expectSchema = z.strictObject({
  within: durationSchema.optional(),
  conversation: z.string().optional(),
  state: z.enum(['open', 'active', 'waiting', 'wrap-up', 'closed']).optional(),
  queue: z.string().optional(),
  agent: z.string().nullable().optional(),
  contact: z.string().nullable().optional(),
  /** The linked account's world name, or `none` (R-RT-1). */
  account: z.string().nullable().optional(),
  /** Which kind of record is linked: `contact`, `account` or `none` (R-RT-1). */
  linkedKind: z.enum(['contact', 'account', 'none']).optional(),
  contactMatch: z.enum(['linked', 'none', 'many']).optional(),
  routedBy: z.string().optional(),
  resolved: z.boolean().optional(),
  messageCount: z.number().int().optional(),
  transcript: z.array(transcriptItem).optional(),
  /** The message at `index` of the transcript (negative counts from the end; default -1). */
  message: messageItem.optional(),
  transitions: z
    .array(
      z.strictObject({
        from: z.string().nullable().optional(),
        to: z.string(),
        actor: z.string().optional(),
        reason: z.string().optional(),
      }),
    )
    .optional(),
  conversations: z
    .strictObject({
      customer: z.string().optional(),
      state: z.string().optional(),
      count: z.number().int(),
    })
    .optional(),
  handset: z.string().optional(),
  inbox: z.array(textSpecSchema).optional(),
  /** Error code of the last action, or `none`. */
  error: z.string().optional(),
  errorMessage: z.string().optional(),
  status: z.number().int().optional(),
  field: z.string().optional(),
  agentState: z
    .strictObject({
      agent: z.string(),
      presence: z.string().optional(),
      usedCapacity: z.number().optional(),
      activeConversations: z.number().optional(),
    })
    .optional(),
  offers: z.strictObject({ agent: z.string(), conversations: z.array(z.string()) }).optional(),
  workStream: z.strictObject({ name: z.string() }).catchall(z.unknown()).optional(),
  /** Part of the last action's answer body. */
  result: z.unknown().optional(),
  /** Entries that must be in TeleSign's journal, in this order (partial match). */
  journal: z.array(z.record(z.string(), z.unknown())).optional(),
  inboundEvents: z
    .strictObject({
      count: z.number().int().optional(),
      last: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
});
export type Expectation = z.output<typeof expectSchema>;
