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
  /** TeleSign's latest status code for an outbound message (null: none yet). */
  delivery: orMatcher(z.number().int().nullable()).optional(),
  /** TeleSign's description of the delivery status, as the agent sees it. */
  description: text.optional(),
  /** What the status means for the agent, e.g. the opt-out of a 510 (R-MSG-8); `null` for none. */
  explanation: orMatcher(z.string().nullable()).optional(),
  final: z.boolean().optional(),
  failure: orMatcher(z.union([z.number(), z.string()]).nullable()).optional(),
  /** TeleSign's reference id of the message (outbound: from the send; inbound: the callback's). */
  referenceId: orMatcher(z.string().nullable()).optional(),
  /** When the message was recorded. */
  at: time.optional(),
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
  /** customer, agent, admin or system. */
  actor: z.string().optional(),
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
  /** Keep trying (moving the virtual clock 1 s at a time) until the checks hold or this time is up. */
  within: durationSchema.optional(),
  /** Which conversation (alias, customer, or omitted: the last one touched); a list checks each. */
  conversation: z.union([z.string(), refs.min(1)]).optional(),
  state: orMatcher(z.enum(STATES)).optional(),
  queue: text.optional(),
  /** The agent holding it (`none`: nobody). */
  agent: orMatcher(z.string().nullable()).optional(),
  /** The linked contact (`none`: nobody). */
  contact: orMatcher(z.string().nullable()).optional(),
  /** The linked account's world name, or `none` (R-RT-1). */
  account: orMatcher(z.string().nullable()).optional(),
  /** Which kind of record is linked: `contact`, `account` or `none` (R-RT-1). */
  linkedKind: z.enum(['contact', 'account', 'none']).optional(),
  contactMatch: z.enum(['linked', 'none', 'many']).optional(),
  /** The routing rule that chose its queue, or `default`. */
  routedBy: text.optional(),
  resolved: z.boolean().optional(),
  messageCount: count.optional(),
  /** Every message, in order (the list has exactly these items). */
  transcript: z.array(transcriptItem).optional(),
  /** The message at `index` of the transcript (negative counts from the end; default -1). */
  message: messageItem.optional(),
  /** Every transition, in order (R-CV-4). */
  transitions: z.array(transitionItem).optional(),
  /** Every offer made, in order, with how it ended (R-AG-3). */
  offerHistory: z.array(offerItem).optional(),
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
  /** Whose phone (contact or phone number) `inbox` is about. */
  handset: z.string().optional(),
  /** Every text the phone received, in order. */
  inbox: z.array(orMatcher(textSpecSchema)).optional(),
  /** Error code of the last action; `none` for success, `any` for any error. */
  error: z.string().optional(),
  /** A part of the last action's error message. */
  errorMessage: z.string().optional(),
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
  /** The conversations offered to an agent now, in order. */
  offers: z.strictObject({ agent: z.string(), conversations: refs }).optional(),
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
  /** Part of the last action's answer body. */
  result: z.unknown().optional(),
  /** Entries that must be in TeleSign's journal, in this order (partial match). */
  journal: z.array(record).optional(),
  /** How many of TeleSign's journal entries since the first step match `where` (0: absence). */
  journalCount: z.strictObject({ where: record.optional(), count }).optional(),
  /** The channel's inbound events since the first step. */
  inboundEvents: z
    .strictObject({
      count: count.optional(),
      last: record.optional(),
      /** Every event, in order (the list has exactly these items). */
      all: z.array(record).optional(),
    })
    .optional(),
});
export type Expectation = z.output<typeof expectSchema>;
