// The shapes the console reads from the two documented APIs, checked with zod (loose: extra fields pass).
import { z } from 'zod';

const deliverySchema = z.looseObject({
  code: z.number(),
  description: z.string(),
  final: z.boolean(),
  updatedAt: z.number(),
  explanation: z.string().optional(),
});

export const messageSchema = z.looseObject({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  text: z.string(),
  truncated: z.boolean().optional(),
  at: z.number(),
  chars: z.number(),
  encoding: z.string(),
  segments: z.number(),
  agentId: z.string().optional(),
  telesignReferenceId: z.string().optional(),
  delivery: deliverySchema.optional(),
  failure: z
    .looseObject({ code: z.union([z.string(), z.number()]), description: z.string() })
    .optional(),
});
export type ConsoleMessage = z.infer<typeof messageSchema>;

export const conversationSchema = z.looseObject({
  id: z.string(),
  workStreamId: z.string(),
  customerNumber: z.string(),
  supportNumber: z.string(),
  state: z.string(),
  queueId: z.string(),
  routedBy: z.union([
    z.literal('default'),
    z.looseObject({ ruleId: z.string(), ruleName: z.string() }),
  ]),
  contactId: z.string().optional(),
  accountId: z.string().optional(),
  linkedKind: z.enum(['contact', 'account']).nullable().default(null),
  contactMatch: z.string(),
  agentId: z.string().optional(),
  offer: z
    .looseObject({ agentId: z.string(), offeredAt: z.number(), expiresAt: z.number() })
    .optional(),
  offers: z
    .array(
      z.looseObject({
        agentId: z.string(),
        offeredAt: z.number(),
        outcome: z.string(),
        endedAt: z.number().optional(),
      }),
    )
    .default([]),
  createdAt: z.number(),
  lastActivityAt: z.number(),
  messages: z.array(messageSchema).default([]),
  transitions: z
    .array(
      z.looseObject({
        from: z.string().nullable(),
        to: z.string(),
        at: z.number(),
        actor: z.looseObject({ kind: z.string(), agentId: z.string().optional() }),
        reason: z.string(),
      }),
    )
    .default([]),
});
export type ConsoleConversation = z.infer<typeof conversationSchema>;

export const agentSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  queueIds: z.array(z.string()),
  capacity: z.number(),
  presence: z.string(),
  presenceChoice: z.string().optional(),
  usedCapacity: z.number().default(0),
  activeConversations: z.number().default(0),
});
export type ConsoleAgent = z.infer<typeof agentSchema>;

export const queueSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  isDefault: z.boolean(),
});
export type ConsoleQueue = z.infer<typeof queueSchema>;

export const contactSchema = z.looseObject({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  mobilePhone: z.string().optional(),
  email: z.string().optional(),
  status: z.string(),
  fields: z.record(z.string(), z.string()).default({}),
});
export type ConsoleContact = z.infer<typeof contactSchema>;

export const customerAccountSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  mainPhone: z.string().optional(),
  status: z.string(),
  fields: z.record(z.string(), z.string()).default({}),
});
export type ConsoleAccount = z.infer<typeof customerAccountSchema>;

const conditionSchema: z.ZodType<unknown> = z.unknown();

export const workStreamSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  mode: z.string(),
  capacityUnits: z.number(),
  allowedPresences: z.array(z.string()),
  autoCloseAfterInactivityMs: z.number(),
  offerTimeoutMs: z.number(),
  number: z
    .looseObject({ number: z.string(), type: z.string(), description: z.string().optional() })
    .optional(),
  routingRules: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      condition: conditionSchema,
      queueId: z.string(),
      disabled: z.looseObject({ reason: z.string() }).optional(),
    }),
  ),
  sms: z.looseObject({
    customerId: z.string().nullable(),
    apiKeyMasked: z.string().nullable(),
    inboundUrl: z.string(),
    validation: z
      .looseObject({ outcome: z.string(), checkedAt: z.number(), detail: z.string() })
      .nullable(),
    missing: z.array(z.string()),
  }),
});
export type ConsoleWorkStream = z.infer<typeof workStreamSchema>;

export const organisationSchema = z.looseObject({ id: z.string(), inboundUrl: z.string() });
