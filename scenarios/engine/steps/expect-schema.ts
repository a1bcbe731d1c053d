// The expectation vocabulary of a scenario step, as a zod schema (docs/scenario-vocabulary.md is
// generated from it). Times are durations since the first step ran, e.g. `at: { atLeast: 8h }`.
import { z } from 'zod';
import { OFFER_OUTCOMES } from '../../../channel/domain/model';
import { durationSchema } from '../../duration';
import { textSpecSchema } from '../../text-spec';
import { orMatcher } from '../matchers';

const text = orMatcher(z.string());
const count = orMatcher(z.number().int());
/** A time: how long after the first step ran (a duration, or a matcher with duration bounds). */
const time = orMatcher(durationSchema).describe(
  'a time since the first step ran: a duration (30s, 8h) or a matcher ({ atLeast: 8h })',
);
const record = z.record(z.string(), z.unknown());
/** Conversation references: aliases set with `as:`, or customers (their latest conversation). */
const refs = z.array(z.string());

const detailedMessage = {
  direction: z.enum(['inbound', 'outbound']).optional(),
  text: orMatcher(textSpecSchema).optional(),
  truncated: z.boolean().optional(),
  chars: count.optional(),
  segments: count.optional(),
  encoding: z.enum(['GSM-7', 'UCS-2']).optional(),
  delivery: orMatcher(z.number().int().nullable())
    .optional()
    .describe("TeleSign's latest status code for an outbound message (null: none yet)."),
  description: text
    .optional()
    .describe("TeleSign's description of the delivery status, as the agent sees it."),
  explanation: orMatcher(z.string().nullable())
    .optional()
    .describe(
      'What the status means for the agent, e.g. the opt-out of a 510 (R-MSG-8); `null` for none.',
    ),
  final: z.boolean().optional(),
  failure: orMatcher(z.union([z.number(), z.string()]).nullable()).optional(),
  referenceId: orMatcher(z.string().nullable())
    .optional()
    .describe(
      "TeleSign's reference id of the message (outbound: from the send; inbound: the callback's).",
    ),
  at: time.optional().describe('When the message was recorded.'),
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

export const STATES = ['open', 'active', 'waiting', 'wrap-up', 'closed'] as const;

export const transitionItem = z.strictObject({
  from: z.enum(STATES).nullable().optional(),
  to: z.enum(STATES),
  actor: z.string().optional().describe('customer, agent, admin or system.'),
  reason: text.optional(),
  at: time.optional(),
});

export const offerItem = z.strictObject({
  agent: text,
  outcome: orMatcher(z.enum(OFFER_OUTCOMES)).optional(),
  offeredAt: time.optional(),
  endedAt: time.optional(),
});

export const expectSchema = z.strictObject({
  within: durationSchema
    .optional()
    .describe(
      'Keep trying (moving the virtual clock 1 s at a time) until the checks hold or this time is up.',
    ),
  conversation: z
    .union([z.string(), refs.min(1)])
    .optional()
    .describe(
      'Which conversation (alias, customer, or omitted: the last one touched); a list checks each.',
    ),
  state: orMatcher(z.enum(STATES)).optional(),
  queue: text.optional(),
  agent: orMatcher(z.string().nullable())
    .optional()
    .describe('The agent holding it (`none`: nobody).'),
  contact: orMatcher(z.string().nullable())
    .optional()
    .describe('The linked contact (`none`: nobody).'),
  account: orMatcher(z.string().nullable())
    .optional()
    .describe("The linked account's world name, or `none` (R-RT-1)."),
  linkedKind: z
    .enum(['contact', 'account', 'none'])
    .optional()
    .describe('Which kind of record is linked: `contact`, `account` or `none` (R-RT-1).'),
  contactMatch: z.enum(['linked', 'none', 'many']).optional(),
  routedBy: text.optional().describe('The routing rule that chose its queue, or `default`.'),
  resolved: z.boolean().optional(),
  messageCount: count.optional(),
  transcript: z
    .array(transcriptItem)
    .optional()
    .describe('Every message, in order (the list has exactly these items).'),
  message: messageItem
    .optional()
    .describe(
      'The message at `index` of the transcript (negative counts from the end; default -1).',
    ),
  transitions: z.array(transitionItem).optional().describe('Every transition, in order (R-CV-4).'),
  offerHistory: z
    .array(offerItem)
    .optional()
    .describe('Every offer made, in order, with how it ended (R-AG-3).'),
  /** How many conversations match every filter given. */
  conversations: z
    .strictObject({
      customer: z.string().optional(),
      supportNumber: z.string().optional(),
      workStream: z.string().optional(),
      state: orMatcher(z.enum(STATES)).optional(),
      queue: z.string().optional(),
      agent: z.string().optional(),
      count,
    })
    .optional(),
  handset: z
    .string()
    .optional()
    .describe('Whose phone (contact or phone number) `inbox` is about.'),
  inbox: z
    .array(orMatcher(textSpecSchema))
    .optional()
    .describe('Every text the phone received, in order.'),
  error: z
    .string()
    .optional()
    .describe('Error code of the last action; `none` for success, `any` for any error.'),
  errorMessage: z.string().optional().describe("A part of the last action's error message."),
  status: count.optional(),
  field: z.string().optional(),
  agentState: z
    .strictObject({
      agent: z.string(),
      presence: text.optional(),
      usedCapacity: count.optional(),
      activeConversations: count.optional(),
    })
    .optional(),
  offers: z
    .strictObject({ agent: z.string(), conversations: refs })
    .optional()
    .describe('The conversations offered to an agent now, in order.'),
  /** An agent's work items by state (any order within a list). */
  workItems: z
    .strictObject({
      agent: z.string(),
      active: refs.optional(),
      waiting: refs.optional(),
      'wrap-up': refs.optional(),
    })
    .optional(),
  workStream: z.strictObject({ name: z.string() }).catchall(z.unknown()).optional(),
  result: z.unknown().optional().describe("Part of the last action's answer body."),
  journal: z
    .array(record)
    .optional()
    .describe("Entries that must be in TeleSign's journal, in this order (partial match)."),
  journalCount: z
    .strictObject({ where: record.optional(), count })
    .optional()
    .describe(
      "How many of TeleSign's journal entries since the first step match `where` (0: absence).",
    ),
  /** The channel's inbound events since the first step. */
  inboundEvents: z
    .strictObject({
      count: count.optional(),
      last: record.optional(),
      all: z
        .array(record)
        .optional()
        .describe('Every event, in order (the list has exactly these items).'),
    })
    .optional(),
});
export type Expectation = z.output<typeof expectSchema>;
