// Checks real HTTP answers against an OpenAPI 3.1 document, as a client generated from it would see
// them: the operation must list the status, and the body must validate against that status's schema
// (strictly: schemas forbid fields they do not describe). An independent judge: ajv, reading the
// served document, not the zod schemas it was generated from.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

type Json = Record<string, unknown>;

export interface ContractDocument {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, unknown> };
}

export interface CheckedResponse {
  method: string;
  /** Path (with or without a query string) or a full URL. */
  url: string;
  status: number;
  contentType: string | null;
  /** The body as text; `''` when empty. */
  body: string;
}

export interface ContractCheck {
  /** A sentence per way the answer breaks the document; empty when it keeps it. */
  check(response: CheckedResponse): string[];
}

// ajv-formats is CommonJS with a default export; under ESM it may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;

const escapePointer = (part: string): string => part.replace(/~/g, '~0').replace(/\//g, '~1');

function pathPattern(template: string): RegExp {
  const escaped = template
    .split('/')
    .map((part) =>
      /^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}

const cache = new Map<string, ContractCheck>();

/** One checker per distinct document (compiling is the slow part; every harness serves the same one). */
export function contractCheckFor(document: ContractDocument): ContractCheck {
  const key = JSON.stringify(document);
  let check = cache.get(key);
  if (!check) {
    check = createContractCheck(document);
    cache.set(key, check);
  }
  return check;
}

export function createContractCheck(document: ContractDocument): ContractCheck {
  // strictSchema off: the document carries OpenAPI's own keywords (paths, operationId…) beside schemas.
  // allowUnionTypes: zod writes `type: ['string', 'number']` for a union of the two.
  const ajv = new Ajv2020({
    allErrors: true,
    strictSchema: false,
    allowUnionTypes: true,
    validateFormats: true,
  });
  addFormats(ajv);
  ajv.addSchema(document as unknown as Json, 'openapi.json');
  const compiled = new Map<string, ValidateFunction>();
  const validator = (pointer: string): ValidateFunction => {
    let fn = compiled.get(pointer);
    if (!fn) {
      fn = ajv.compile({ $ref: `openapi.json#${pointer}` });
      compiled.set(pointer, fn);
    }
    return fn;
  };
  const templates = Object.keys(document.paths).map((template) => ({
    template,
    pattern: pathPattern(template),
  }));
  // Literal paths before templated ones (`/api/numbers/check` is not `/api/numbers/{x}`).
  templates.sort((a, b) => a.template.split('{').length - b.template.split('{').length);

  return {
    check(response) {
      const path = new URL(response.url, 'http://contract.local').pathname;
      const method = response.method.toLowerCase();
      const label = `${response.method.toUpperCase()} ${path} → ${response.status}`;
      const found = templates.find((t) => t.pattern.test(path));
      const operation = found ? document.paths[found.template]?.[method] : undefined;
      let pointer: string;
      if (!found || !operation) {
        // Outside every operation only the router answers: 404 ROUTE_NOT_FOUND, 405 METHOD_NOT_ALLOWED.
        if (response.status !== 404 && response.status !== 405)
          return [`${label}: no operation in the document answers this`];
        pointer = '/components/schemas/Error';
      } else {
        const responses = (operation.responses ?? {}) as Record<string, Json>;
        const listed = responses[String(response.status)];
        if (!listed)
          return [
            `${label}: status not in the document (it lists ${Object.keys(responses).join(', ')})`,
          ];
        const content = listed.content as Record<string, Json> | undefined;
        if (!content) {
          return response.body === '' ? [] : [`${label}: a body where the document lists none`];
        }
        const type = (response.contentType ?? '').split(';')[0]?.trim() ?? '';
        if (!content[type])
          return [
            `${label}: content type ${type || '(none)'}, the document lists ${Object.keys(content).join(', ')}`,
          ];
        if (type !== 'application/json') return [];
        pointer = `/paths/${escapePointer(found.template)}/${method}/responses/${response.status}/content/${escapePointer(type)}/schema`;
      }
      let body: unknown;
      try {
        body = JSON.parse(response.body);
      } catch {
        return [`${label}: the body is not JSON`];
      }
      const validate = validator(pointer);
      if (validate(body)) return [];
      return (validate.errors ?? []).map(
        (e) =>
          `${label}: ${e.instancePath || '(body)'} ${e.message ?? 'is not valid'}${
            e.keyword === 'additionalProperties'
              ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
              : e.keyword === 'enum'
                ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})`
                : ''
          }`,
      );
    },
  };
}

/** Wraps a fetch handler so every answer is checked; what breaks the document lands in `violations`. */
export function checkedFetch(
  handler: (request: Request) => Response | Promise<Response>,
  violations: string[],
  documentPath = '/openapi.json',
): (request: Request) => Promise<Response> {
  let check: Promise<ContractCheck> | undefined;
  const load = (origin: string): Promise<ContractCheck> => {
    check ??= Promise.resolve(handler(new Request(new URL(documentPath, origin)))).then(
      async (response) => contractCheckFor((await response.json()) as ContractDocument),
    );
    return check;
  };
  return async (request) => {
    const response = await handler(request);
    const contentType = response.headers.get('content-type');
    // A stream stays open; its status and type are still checked, not its endless body.
    const streaming = contentType?.startsWith('text/event-stream') ?? false;
    const body = streaming ? '' : await response.clone().text();
    const checker = await load(new URL(request.url).origin);
    violations.push(
      ...checker.check({
        method: request.method,
        url: request.url,
        status: response.status,
        contentType,
        body,
      }),
    );
    return response;
  };
}
