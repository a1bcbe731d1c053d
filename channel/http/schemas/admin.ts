// Response schemas of the admin API: organisation, work streams (key masked), validation, numbers,
// routing rules, queues. Each asserts it is exactly the type the service returns.
import { z } from 'zod';
import {
  type Condition,
  DISTRIBUTION_MODES,
  NUMBER_TYPES,
  type Queue,
  type RoutingRule,
  type SmsNumber,
} from '../../domain/model';
import type { ChannelService, WorkStreamView } from '../../service/contract';
import { presence } from '../common-schemas';
import { conditionSchema } from '../routing-rules';
import { assertExact, component, type Exact } from './components';

export const organisationSchema = component(
  'Organisation',
  z.strictObject({
    id: z.string(),
    inboundUrl: z.url().describe('Give this to TeleSign support as the callback URL (R-WS-4).'),
  }),
);
assertExact<Exact<z.output<typeof organisationSchema>, ReturnType<ChannelService['organisation']>>>(
  true,
);

export const validationOutcomeSchema = z.enum([
  'valid',
  'customer-id-invalid',
  'api-key-invalid',
  'telesign-unreachable',
  'checking',
  'number-not-owned',
]);

export const validationResultSchema = component(
  'ValidationResult',
  z.strictObject({
    outcome: validationOutcomeSchema,
    checkedAt: z.number().int().describe('ms since the epoch'),
    detail: z.string(),
  }),
);
assertExact<
  Exact<
    z.output<typeof validationResultSchema>,
    Awaited<ReturnType<ChannelService['validateApiKey']>>
  >
>(true);

export const smsNumberSchema = z.strictObject({
  number: z.string().regex(/^[0-9]{1,15}$/),
  type: z.enum(NUMBER_TYPES),
  description: z.string().optional(),
  addedAt: z.number().int(),
});
assertExact<Exact<z.output<typeof smsNumberSchema>, SmsNumber>>(true);

export const conditionComponent = component('Condition', conditionSchema);
assertExact<Exact<z.output<typeof conditionComponent>, Condition>>(true);

export const routingRuleSchema = component(
  'RoutingRule',
  z.strictObject({
    id: z.string(),
    name: z.string(),
    condition: conditionSchema,
    queueId: z.string(),
    disabled: z
      .strictObject({ reason: z.string() })
      .optional()
      .describe(
        'Set on a stored rule a later rulebook revision forbids (e.g. it tested the message text, R-RT-3): kept for the administrator, never evaluated.',
      ),
  }),
);
assertExact<Exact<z.output<typeof routingRuleSchema>, RoutingRule>>(true);

export const workStreamSchema = component(
  'WorkStream',
  z.strictObject({
    id: z.string(),
    name: z.string(),
    channel: z.literal('sms'),
    mode: z.enum(DISTRIBUTION_MODES),
    capacityUnits: z.number().int(),
    allowedPresences: z.array(presence),
    autoCloseAfterInactivityMs: z.number().int(),
    offerTimeoutMs: z.number().int(),
    sms: z.strictObject({
      customerId: z.string().nullable(),
      apiKeyMasked: z.string().nullable().describe('Only the last characters show (R-WS-3).'),
      inboundUrl: z.url(),
      validation: validationResultSchema.nullable(),
      missing: z.array(z.enum(['customerId', 'apiKey', 'number'])),
    }),
    number: smsNumberSchema.optional(),
    routingRules: z.array(routingRuleSchema),
    createdAt: z.number().int(),
  }),
  'A work stream as every API returns it: the API key masked, the inbound URL shown.',
);
assertExact<Exact<z.output<typeof workStreamSchema>, WorkStreamView>>(true);

export const numberCheckSchema = component(
  'NumberCheck',
  z.union([
    z.strictObject({ ok: z.literal(true), e164: z.string(), country: z.string().nullable() }),
    z.strictObject({ ok: z.literal(false), message: z.string() }),
  ]),
);
assertExact<
  Exact<z.output<typeof numberCheckSchema>, ReturnType<ChannelService['checkNumberFormat']>>
>(true);

export const queueSchema = component(
  'Queue',
  z.strictObject({ id: z.string(), name: z.string(), isDefault: z.boolean() }),
);
assertExact<Exact<z.output<typeof queueSchema>, Queue>>(true);
