// Response schemas of conversations, transcripts, transitions and inbound events (R-CV, R-MSG),
// each exactly the service's type.
import { z } from 'zod';
import {
  type Actor,
  CONVERSATION_STATES,
  INBOUND_EVENT_KINDS,
  INBOUND_EVENT_OUTCOMES,
  type InboundEvent,
  type Message,
  OFFER_OUTCOMES,
  type Transition,
} from '../../domain/model';
import type { ConversationView } from '../../service/contract';
import type { Page } from '../../service/paging';
import { assertExact, component, type Exact } from './components';
import { pageOf } from './paging';

const state = z.enum(CONVERSATION_STATES);
const time = z.number().int().describe('ms since the epoch');

const actorSchema = z.union([
  z.strictObject({ kind: z.literal('customer') }),
  z.strictObject({ kind: z.literal('agent'), agentId: z.string() }),
  z.strictObject({ kind: z.literal('admin') }),
  z.strictObject({ kind: z.literal('system') }),
]);
assertExact<Exact<z.output<typeof actorSchema>, Actor>>(true);

export const transitionSchema = z.strictObject({
  from: state.nullable(),
  to: state,
  at: time,
  actor: actorSchema,
  reason: z.string(),
});
assertExact<Exact<z.output<typeof transitionSchema>, Transition>>(true);

export const messageSchema = component(
  'Message',
  z.strictObject({
    id: z.string(),
    conversationId: z.string(),
    direction: z.enum(['inbound', 'outbound']),
    text: z.string().describe('Inbound: the first 1600 code points (R-MSG-3).'),
    truncated: z.boolean(),
    at: time,
    chars: z.number().int(),
    encoding: z.enum(['GSM-7', 'UCS-2']),
    segments: z.number().int(),
    agentId: z.string().optional(),
    telesignReferenceId: z.string().optional(),
    delivery: z
      .strictObject({
        code: z.number().int(),
        description: z.string(),
        final: z.boolean(),
        updatedAt: time,
        explanation: z
          .string()
          .optional()
          .describe(
            'What the code means for the agent, e.g. 510: "the customer opted out of messages from this number" (R-MSG-8).',
          ),
      })
      .optional()
      .describe('Outbound: the latest delivery status TeleSign reported (R-MSG-5).'),
    failure: z
      .strictObject({ code: z.union([z.string(), z.number()]), description: z.string() })
      .optional()
      .describe('Outbound: why TeleSign did not take the message.'),
  }),
);
assertExact<Exact<z.output<typeof messageSchema>, Message>>(true);

export const conversationSchema = component(
  'Conversation',
  z.strictObject({
    id: z.string(),
    workStreamId: z.string(),
    customerNumber: z.string(),
    supportNumber: z.string(),
    state,
    queueId: z.string(),
    routedBy: z.union([
      z.strictObject({ ruleId: z.string(), ruleName: z.string() }),
      z.literal('default'),
    ]),
    contactId: z.string().optional(),
    accountId: z.string().optional(),
    contactMatch: z
      .enum(['linked', 'none', 'many'])
      .describe(
        'Active contacts and accounts with the customer number, counted together (R-RT-1).',
      ),
    linkedKind: z
      .enum(['contact', 'account'])
      .nullable()
      .describe('Which kind of record is linked (R-RT-1); null when none or several matched.'),
    agentId: z.string().optional(),
    lastAgentId: z.string().optional(),
    offer: z.strictObject({ agentId: z.string(), offeredAt: time, expiresAt: time }).optional(),
    offers: z
      .array(
        z.strictObject({
          agentId: z.string(),
          offeredAt: time,
          outcome: z.enum(OFFER_OUTCOMES),
          endedAt: time.optional(),
        }),
      )
      .optional()
      .describe('Offer history, oldest first: to whom, when, and how each offer ended (R-AG-3).'),
    rejectedBy: z.array(z.string()),
    resolved: z.boolean(),
    createdAt: time,
    lastActivityAt: time,
    wrapUpAt: time.optional(),
    closedAt: time.optional(),
    transitions: z.array(transitionSchema),
    messages: z.array(messageSchema),
  }),
  'A conversation with its transcript and transition history.',
);
assertExact<Exact<z.output<typeof conversationSchema>, ConversationView>>(true);

export const inboundEventSchema = component(
  'InboundEvent',
  z.strictObject({
    kind: z.enum(INBOUND_EVENT_KINDS).describe('An inbound SMS (`mo_sms`) or a delivery report.'),
    referenceId: z.string(),
    receivedAt: time,
    rawBody: z.string().describe('The callback body exactly as TeleSign sent it.'),
    outcome: z
      .enum(INBOUND_EVENT_OUTCOMES)
      .describe(
        'SMS: accepted, duplicate (a retry), unroutable, validation-probe (R-WS-5). Delivery report: accepted (the status changed), stale (older than or the same as the one shown, R-MSG-7), unknown-message.',
      ),
    conversationId: z.string().optional(),
    messageId: z
      .string()
      .optional()
      .describe('The message the SMS added, or the one the report is about.'),
  }),
  'A TeleSign callback as received: an inbound SMS or a delivery report, and what became of it.',
);
assertExact<Exact<z.output<typeof inboundEventSchema>, InboundEvent>>(true);

export const conversationPageSchema = component('ConversationPage', pageOf(conversationSchema));
assertExact<Exact<z.output<typeof conversationPageSchema>, Page<ConversationView>>>(true);

export const inboundEventPageSchema = component('InboundEventPage', pageOf(inboundEventSchema));
assertExact<Exact<z.output<typeof inboundEventPageSchema>, Page<InboundEvent>>>(true);

export const sweepResultSchema = component(
  'SweepResult',
  z.strictObject({ closed: z.array(z.string()).describe('The conversations closed now.') }),
);
