// Shared plumbing of the control plane: JSON input checked by zod, and one error handler.

import type { Context } from 'hono';
import { z } from 'zod';
import { jsonDeeperThan } from '../../../lib/json-depth';
import { SimulatorError } from '../../errors/control-errors';
import { CONTROL_HTTP_STATUS } from '../../errors/http-status';
import { MAX_BODY_BYTES, readBodyText } from '../read-body';

/** Parses the JSON body against `schema`; bad input becomes a SimulatorError naming the field. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const text = await readBodyText(c);
  if (text === null) {
    throw new SimulatorError(
      'body_too_large',
      `the body is larger than ${MAX_BODY_BYTES / 1024} KB`,
    );
  }
  // Refused before parsing: a validator walking thousands of levels overflows the stack (a 500).
  if (jsonDeeperThan(text, 64)) {
    throw new SimulatorError('invalid_json', 'the body nests deeper than 64 levels');
  }
  let value: unknown;
  try {
    value = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new SimulatorError('invalid_json', 'the body is not valid JSON');
  }
  return parseWith(schema, value);
}

/** `?limit=N` on a list read: the newest N (the journal caps it lower). */
export const newestLimit = z.coerce.number().int().min(1).max(100_000).optional();

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // An unknown key is named as the field at fault (zod reports it on the object holding it).
  const path =
    issue?.code === 'unrecognized_keys'
      ? [...issue.path, issue.keys[0] ?? '']
      : (issue?.path ?? []);
  const field = path.join('.') || undefined;
  const message =
    issue?.code === 'unrecognized_keys' ? 'is not a field of this body' : issue?.message;
  throw new SimulatorError('invalid_field', `${field ?? 'body'}: ${message ?? 'invalid'}`, field);
}

export function controlError(c: Context, error: SimulatorError): Response {
  return c.json(
    {
      error: {
        code: error.code,
        message: error.message,
        ...(error.field !== undefined ? { field: error.field } : {}),
      },
    },
    CONTROL_HTTP_STATUS[error.code],
  );
}
