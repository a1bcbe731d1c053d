// The one error envelope every failure answers with, `{ error: { code, message, rule, field?, … } }`,
// as a zod schema: the error handler builds it, the OpenAPI document describes it, tests validate it.
import { z } from 'zod';
import { ERROR_CATALOGUE } from '../../domain/errors';
import { CONVERSATION_STATES } from '../../domain/model';
import { HTTP_ERROR_CATALOGUE } from '../http-errors';
import { component } from './components';

export const ERROR_CODES = [
  ...(Object.keys(ERROR_CATALOGUE) as Array<keyof typeof ERROR_CATALOGUE>),
  ...(Object.keys(HTTP_ERROR_CATALOGUE) as Array<keyof typeof HTTP_ERROR_CATALOGUE>),
] as const;

const state = z.enum(CONVERSATION_STATES);

export const errorEnvelopeSchema = component(
  'Error',
  z.strictObject({
    error: z.strictObject({
      code: z
        .enum(ERROR_CODES)
        .describe('Stable; the status follows from it (docs/channel-api.md).'),
      message: z.string().describe('What is wrong and how to fix it, in a sentence.'),
      rule: z.string().describe('The rule id enforced, e.g. R-NUM-3, or INPUT / HTTP.'),
      field: z.string().optional().describe('The input field at fault, e.g. `rules[0].queueId`.'),
      issues: z
        .array(z.strictObject({ field: z.string(), message: z.string() }))
        .optional()
        .describe('VALIDATION_FAILED: every problem found, the first one leading.'),
      minimumMs: z.number().int().optional().describe('AUTO_CLOSE_TOO_SHORT: the minimum.'),
      missing: z
        .array(z.enum(['customerId', 'apiKey', 'number']))
        .optional()
        .describe('SMS_SETTINGS_INCOMPLETE: what the work stream still lacks.'),
      from: state.optional().describe('TRANSITION_NOT_ALLOWED: the current state.'),
      to: state.optional().describe('TRANSITION_NOT_ALLOWED: the state asked for.'),
      limit: z.number().int().optional().describe('MESSAGE_TOO_LONG: the limit in characters.'),
      length: z.number().int().optional().describe('MESSAGE_TOO_LONG: the length sent.'),
    }),
  }),
  'Every failure: a stable code, a message, the rule enforced and the field at fault.',
);

export type ErrorEnvelope = z.output<typeof errorEnvelopeSchema>;
