// Reading requests through zod: JSON bodies (read as text, then parsed), query strings and path
// params; every failure is a VALIDATION_FAILED ChannelError naming the field and what is wrong.
import type { Context } from 'hono';
import type { z } from 'zod';
import { jsonDeeperThan } from '../../lib/json-depth';
import { ChannelError } from '../domain/errors';
import { refuseControlCharacters } from './control-characters';

type Where = 'body' | 'query' | 'path';

/** `['rules', 0, 'queueId']` → `rules[0].queueId`, the service's own field notation. */
function fieldOf(where: Where, path: ReadonlyArray<PropertyKey>, root?: string): string {
  let field = '';
  for (const part of path) {
    if (typeof part === 'number') field += `[${part}]`;
    else field += field ? `.${String(part)}` : String(part);
  }
  if (field.startsWith('[')) field = `${root ?? where}${field}`;
  return field || root || where;
}

interface Explained {
  field: string;
  message: string;
  depth: number;
}

/** One plain sentence per issue; a union failure is explained by the branch that got furthest. */
function explain(
  where: Where,
  issue: z.core.$ZodIssue,
  root: string | undefined,
  base: PropertyKey[] = [],
): Explained {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branches = issue.errors
      .map((branch) => branch.map((inner) => explain(where, inner, root, path)))
      .map((list) => list.reduce((a, b) => (b.depth > a.depth ? b : a)));
    return branches.reduce((a, b) => (b.depth > a.depth ? b : a));
  }
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return {
      field: fieldOf(where, [...path, key], root),
      message: `is not a known field${issue.keys.length > 1 ? ` (nor ${issue.keys.slice(1).join(', ')})` : ''}; remove it`,
      depth: path.length + 1,
    };
  }
  const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
  return {
    field: fieldOf(where, path, root),
    message: missing ? `is required (${issue.expected})` : issue.message,
    depth: path.length,
  };
}

/** Turns a zod failure into one ChannelError: the first issue leads, all are listed. */
export function validationError(where: Where, error: z.ZodError, root?: string): ChannelError {
  const issues = error.issues.map((issue) => {
    const { field, message } = explain(where, issue, root);
    return { field, message };
  });
  const first = issues[0] ?? { field: where, message: 'is not valid' };
  const inWhere = where === 'body' ? '' : ` (in the ${where})`;
  return new ChannelError('VALIDATION_FAILED', {
    field: first.field,
    message: `${first.field}${inWhere}: ${first.message}`,
    issues,
  });
}

export function parseWith<S extends z.ZodType>(
  where: Where,
  schema: S,
  value: unknown,
  root?: string,
  multiline?: readonly string[],
): z.output<S> {
  refuseControlCharacters(where, value, { root, multiline });
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(where, result.error, root);
  return result.data;
}

/** Reads the raw body and parses it as JSON; an empty body is `undefined` (the schema decides). */
export const MAX_JSON_DEPTH = 64;

export async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  // Refused before parsing: a validator walking thousands of levels overflows the stack (a 500).
  if (jsonDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new ChannelError('VALIDATION_FAILED', {
      field: 'body',
      message: `body: nests deeper than ${MAX_JSON_DEPTH} levels; no request of this API needs that.`,
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ChannelError('VALIDATION_FAILED', {
      field: 'body',
      message: `body: not valid JSON (${reason}); send a JSON object with Content-Type: application/json.`,
    });
  }
}

export function readQuery(c: Context): Record<string, string> {
  return c.req.query();
}
