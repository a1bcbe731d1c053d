// The WORLD format: what a scenario or `npm run sim` starts from (fixtures/worlds/*.yaml), as a zod schema.
import { z } from 'zod';
import { durationSchema } from '../duration';

const name = z
  .string()
  .min(1)
  .regex(/^[A-Za-z0-9_.-]+$/, 'a name is letters, digits, _ . -');
const digits = z
  .string()
  .regex(/^\d{7,15}$/, 'a TeleSign number is digits only, country code first');

export const presenceSchema = z.enum(['available', 'busy', 'busy-dnd', 'away', 'offline']);

export const fieldConditionSchema = z.strictObject({
  field: z.string().min(1),
  op: z.enum(['equals', 'not-equals', 'begins-with', 'ends-with', 'contains', 'in', 'exists']),
  value: z.union([z.string(), z.array(z.string())]).optional(),
});
export type WorldCondition =
  | z.infer<typeof fieldConditionSchema>
  | { all: WorldCondition[] }
  | { any: WorldCondition[] };
export const conditionSchema: z.ZodType<WorldCondition> = z.lazy(() =>
  z.union([
    fieldConditionSchema,
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
  ]),
);

/** A routing rule item; `queue` is a queue name of the world. */
export const worldRuleSchema = z.strictObject({
  name: z.string().min(1),
  condition: conditionSchema,
  queue: z.string().min(1),
});

/** How the carrier treats messages to a handset (mapped onto the fake's delivery policies). */
export const deliverySchema = z.strictObject({
  /** deliver: 290 → 203 → 200; immediate: 200 at once; fail: → `code`; delay: 200 after `after`; stuck: no final report. */
  policy: z.enum(['deliver', 'immediate', 'fail', 'delay', 'stuck', 'unknown-number']),
  /** Final TeleSign status code for `fail` (e.g. 210, 211, 220). */
  code: z.number().int().optional(),
  /** How long until the final report for `delay`. */
  after: durationSchema.optional(),
  /** Extra time added before every report after the first 290. */
  extra: durationSchema.optional(),
});
export type WorldDelivery = z.infer<typeof deliverySchema>;

export const worldSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  telesign: z.strictObject({
    accounts: z
      .array(
        z.strictObject({
          name,
          /** Numbers purchased on the fake TeleSign for this account (long codes). */
          numbers: z.array(digits).default([]),
        }),
      )
      .default([]),
  }),
  handsets: z
    .array(
      z.strictObject({
        phone: digits,
        name: z.string().optional(),
        delivery: deliverySchema.optional(),
      }),
    )
    .default([]),
  queues: z.array(name).default([]),
  workStreams: z
    .array(
      z.strictObject({
        name,
        mode: z.enum(['push', 'pick']),
        capacityUnits: z.number().int().positive().optional(),
        allowedPresences: z.array(presenceSchema).optional(),
        autoCloseAfterInactivity: durationSchema.optional(),
        offerTimeout: durationSchema.optional(),
        /** The TeleSign account whose credentials go in the SMS settings. */
        account: name.optional(),
        /** The work stream's one number (R-NUM-3). */
        number: digits.optional(),
        numberType: z.enum(['long-code', 'short-code', 'toll-free']).optional(),
        /** Registers the channel's inbound URL on the account and validates the key (default true). */
        validate: z.boolean().default(true),
        rules: z.array(worldRuleSchema).default([]),
      }),
    )
    .default([]),
  contacts: z
    .array(
      z.strictObject({
        name,
        firstName: z.string().min(1),
        lastName: z.string().min(1),
        /** CRM form `+<cc><number>` (R-RT-1). */
        mobilePhone: z.string().optional(),
        email: z.string().optional(),
        status: z.enum(['active', 'inactive']).optional(),
        fields: z.record(z.string(), z.string()).optional(),
      }),
    )
    .default([]),
  /** Accounts: their main phone identifies the customer like a contact's mobile phone (R-RT-1). */
  accounts: z
    .array(
      z.strictObject({
        name,
        /** The account's name in the channel; the world name when omitted. */
        displayName: z.string().optional(),
        /** CRM form `+<cc><number>`. */
        mainPhone: z.string().optional(),
        status: z.enum(['active', 'inactive']).optional(),
        fields: z.record(z.string(), z.string()).optional(),
      }),
    )
    .default([]),
  agents: z
    .array(
      z.strictObject({
        name,
        displayName: z.string().optional(),
        queues: z.array(name).default([]),
        capacity: z.number().int().positive().optional(),
        presence: presenceSchema.optional(),
      }),
    )
    .default([]),
  /** Extra generated people; the same seed gives the same world. */
  faker: z
    .strictObject({
      seed: z.number().int(),
      contacts: z.number().int().nonnegative().default(0),
      agents: z.number().int().nonnegative().default(0),
      /** Country calling code for generated phones (digits). */
      countryCode: z
        .string()
        .regex(/^\d{1,3}$/)
        .default('1'),
      /** Generated agents start offline so they never take offers a scenario did not plan. */
      agentPresence: presenceSchema.default('offline'),
    })
    .optional(),
});

export type World = z.infer<typeof worldSchema>;
export type WorldInput = z.input<typeof worldSchema>;
