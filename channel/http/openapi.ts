// The OpenAPI 3.1 document, generated from the route list and its zod schemas.
import { z } from 'zod';
import { ERROR_STATUS } from './error-status';
import { openApiPath, type Route } from './route';

type JsonSchema = Record<string, unknown>;

const errorSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'rule'],
      properties: {
        code: { type: 'string', enum: Object.keys(ERROR_STATUS) },
        message: { type: 'string' },
        rule: {
          type: 'string',
          description: 'The rule id enforced, e.g. R-NUM-3, or INPUT / HTTP.',
        },
        field: { type: 'string', description: 'The input field at fault.' },
      },
    },
  },
};

const toSchema = (schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;

function parameters(route: Route): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const json = toSchema(schema);
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      list.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        schema: property,
      });
    }
  }
  return list;
}

function operation(route: Route): JsonSchema {
  const responses: Record<string, JsonSchema> = {
    default: {
      description: 'An error: `{ error: { code, message, rule, field? } }`',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    },
  };
  responses[String(route.status)] =
    route.status === 204
      ? { description: 'Done; no body.' }
      : route.returns === 'text/event-stream'
        ? { description: 'A stream of events.', content: { 'text/event-stream': {} } }
        : { description: route.returns, content: { 'application/json': {} } };
  return {
    tags: [route.tag],
    summary: route.summary,
    operationId: `${route.method}${openApiPath(route.path).replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch?: string) => (ch ? ch.toUpperCase() : ''))}`,
    parameters: parameters(route),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(route.body) } },
          },
        }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument(routes: Route[], serverUrl?: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] ??= {};
    paths[path][route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'SMS channel',
      version: '1.0.0',
      description:
        'The organisation side of the SMS channel: admin API, agent API, conversations, and the TeleSign inbound URL. Errors are `{ error: { code, message, rule, field? } }`.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: { schemas: { Error: errorSchema } },
  };
}
