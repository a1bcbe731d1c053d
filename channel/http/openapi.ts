// The OpenAPI 3.1 document, generated from the route list and its zod schemas: parameters, request
// bodies, success answers and every error status an operation can answer, all from the code's own
// schemas, so the document and the handlers cannot drift.
import { z } from 'zod';
import { ERROR_CATALOGUE } from '../domain/errors';
import { ERROR_STATUS } from './error-status';
import { HTTP_ERROR_CATALOGUE } from './http-errors';
import { type AnyErrorCode, isJsonResponse, openApiPath, type Route } from './route';
import { apiComponents } from './schemas/components';
import { errorEnvelopeSchema } from './schemas/error-envelope';

type JsonSchema = Record<string, unknown>;

const ref = (id: string): JsonSchema => ({ $ref: `#/components/schemas/${id}` });

const toSchema = (schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema => {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return json;
};

export function operationId(route: Pick<Route, 'method' | 'path'>): string {
  return `${route.method}${openApiPath(route.path).replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch?: string) => (ch ? ch.toUpperCase() : ''))}`;
}

/**
 * Converts schemas to components in one pass, so shared and recursive schemas (`Condition`) are
 * `$ref`s into `#/components/schemas` rather than `$defs` that would not resolve inside the document.
 */
function componentsOf(entries: Array<[string, z.ZodType]>, io: 'input' | 'output') {
  const registry = z.registry<{ id: string; description?: string }>();
  for (const named of apiComponents) {
    registry.add(
      named.schema,
      named.description ? { id: named.id, description: named.description } : { id: named.id },
    );
  }
  const ids = new Map<z.ZodType, string>();
  for (const [id, schema] of entries) {
    const known = registry.get(schema);
    if (known) ids.set(schema, known.id);
    else {
      registry.add(schema, { id });
      ids.set(schema, id);
    }
  }
  const { schemas } = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const clean: Record<string, JsonSchema> = {};
  for (const [id, json] of Object.entries(schemas)) {
    const { $id: _id, $schema: _schema, ...rest } = json as JsonSchema;
    clean[id] = rest;
  }
  return { schemas: clean, idOf: (schema: z.ZodType) => ids.get(schema) ?? '' };
}

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
      const { description, ...rest } = property;
      list.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        ...(typeof description === 'string' ? { description } : {}),
        schema: rest,
      });
    }
  }
  return list;
}

const catalogueMessage = (code: AnyErrorCode): string =>
  code in ERROR_CATALOGUE
    ? ERROR_CATALOGUE[code as keyof typeof ERROR_CATALOGUE].message
    : HTTP_ERROR_CATALOGUE[code as keyof typeof HTTP_ERROR_CATALOGUE].message;

/** One response per error status, its schema the envelope narrowed to the codes of that status. */
function errorResponses(route: Route): Record<string, JsonSchema> {
  const byStatus = new Map<number, AnyErrorCode[]>();
  for (const code of route.errors) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, JsonSchema> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: codes.map((code) => `\`${code}\`: ${catalogueMessage(code)}`).join(' '),
      content: {
        'application/json': {
          schema: {
            allOf: [
              ref('Error'),
              {
                type: 'object',
                properties: { error: { type: 'object', properties: { code: { enum: codes } } } },
              },
            ],
          },
        },
      },
    };
  }
  return responses;
}

/** The document's outline, as `GET /openapi.json` answers it (its inside is OpenAPI's own schema). */
export const openApiDocumentSchema = z.strictObject({
  openapi: z.literal('3.1.0'),
  info: z.strictObject({ title: z.string(), version: z.string(), description: z.string() }),
  servers: z.array(z.strictObject({ url: z.string() })).optional(),
  paths: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.unknown()))),
  components: z.strictObject({ schemas: z.record(z.string(), z.record(z.string(), z.unknown())) }),
});
export type OpenApiDocument = z.output<typeof openApiDocumentSchema>;

export function buildOpenApiDocument(routes: Route[], serverUrl?: string): OpenApiDocument {
  const bodies = routes.flatMap(
    (r): Array<[string, z.ZodType]> => (r.body ? [[`${operationId(r)}Request`, r.body]] : []),
  );
  const answers = routes.flatMap(
    (r): Array<[string, z.ZodType]> =>
      isJsonResponse(r.response) ? [[`${operationId(r)}Response`, r.response]] : [],
  );
  const input = componentsOf(bodies, 'input');
  const output = componentsOf([...answers, ['Error', errorEnvelopeSchema]], 'output');
  for (const [id, json] of Object.entries(input.schemas)) {
    const other = output.schemas[id];
    if (other && JSON.stringify(other) !== JSON.stringify(json))
      throw new Error(`Component ${id} differs between requests and responses; name them apart.`);
  }

  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const r of routes) {
    const success = r.response;
    const ok: JsonSchema = !isJsonResponse(success)
      ? success.kind === 'no-content'
        ? { description: 'Done; no body.' }
        : {
            description: success.description,
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          }
      : {
          description: r.status === 201 ? 'Created.' : 'OK.',
          content: { 'application/json': { schema: ref(output.idOf(success)) } },
        };
    const path = openApiPath(r.path);
    paths[path] ??= {};
    paths[path][r.method] = {
      tags: [r.tag],
      summary: r.summary,
      operationId: operationId(r),
      parameters: parameters(r),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: ref(input.idOf(r.body)) } },
            },
          }
        : {}),
      responses: { [String(r.status)]: ok, ...errorResponses(r) },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'SMS channel',
      version: '1.0.0',
      description:
        'The organisation side of the SMS channel: admin API, agent API, conversations, and the TeleSign inbound URL. Every error is `{ error: { code, message, rule, field? } }` (`#/components/schemas/Error`); each operation lists the statuses and codes it can answer. Any path also answers 404 `ROUTE_NOT_FOUND` when unknown and 405 `METHOD_NOT_ALLOWED` for a method it does not take.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: { schemas: { ...input.schemas, ...output.schemas } },
  };
}
