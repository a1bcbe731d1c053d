// The scenario format (also the recording format): a world, an optional override, a clock start, steps.
import { z } from 'zod';
import { durationSchema } from './duration';
import { adminShape } from './engine/steps/admin-steps';
import { agentShape } from './engine/steps/agent-steps';
import { customerShape } from './engine/steps/customer-steps';
import { expectSchema } from './engine/steps/expect-steps';
import { telesignShape } from './engine/steps/telesign-steps';
import { timeShape } from './engine/steps/time-steps';

export const ACTION_KEYS = [
  ...Object.keys(customerShape),
  ...Object.keys(agentShape),
  ...Object.keys(adminShape),
  ...Object.keys(telesignShape),
  ...Object.keys(timeShape),
  'expect',
] as const;

export const stepSchema = z
  .strictObject({
    rule: z
      .string()
      .optional()
      .describe('The rule this step shows (e.g. R-MSG-2); failures name it.'),
    note: z.string().optional(),
    at: z.iso
      .datetime()
      .optional()
      .describe('Recordings: when the step happened (ISO time); the clock moves there first.'),
    ...customerShape,
    ...agentShape,
    ...adminShape,
    ...telesignShape,
    ...timeShape,
    expect: expectSchema.optional(),
  })
  .partial()
  .superRefine((step, ctx) => {
    const actions = ACTION_KEYS.filter(
      (key) => (step as Record<string, unknown>)[key] !== undefined,
    );
    if (actions.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          actions.length === 0
            ? `a step needs one action, e.g. text, accept, send, advance, expect (one of: ${ACTION_KEYS.join(', ')})`
            : `a step does one thing; this one has ${actions.join(' and ')}`,
      });
    }
  });
export type Step = z.output<typeof stepSchema>;

export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  tags: z
    .array(z.string())
    .default([])
    .describe('Rule ids (R-NUM-3) and TeleSign areas (telesign:delivery-reports).'),
  world: z.string().default('default'),
  override: z.record(z.string(), z.unknown()).optional(),
  /** How often the channel's periodic work runs on the virtual clock (long advances want larger values). */
  timing: z
    .strictObject({
      dispatchInterval: durationSchema.optional(),
      sweepInterval: durationSchema.optional(),
    })
    .optional(),
  clock: z.iso.datetime().optional().describe('When the virtual clock starts (ISO time).'),
  'known-failure': z
    .string()
    .optional()
    .describe(
      'The channel breaks a rule here: the runner expects this scenario to fail, and says why.',
    ),
  outcome: z.string().optional().describe('Recordings: what the conversation ended as, in words.'),
  recorded: z
    .strictObject({ at: z.string(), by: z.string().optional(), seed: z.number().optional() })
    .optional(),
  steps: z.array(stepSchema).min(1),
});
export type Scenario = z.output<typeof scenarioSchema>;
