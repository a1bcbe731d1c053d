// The OpenAPI document of the fake TeleSign (faked API and control plane), served at /_sim/openapi.json.

const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (description: string, schema: Record<string, unknown> = { type: 'object' }) => ({
  description,
  content: json(schema),
});
const controlErrors = {
  '400': ok('Bad input: the field and the rule are named', ref('ControlError')),
  '404': ok('Unknown account, number, message or route', ref('ControlError')),
};
const body = (schema: Record<string, unknown>) => ({ required: true, content: json(schema) });
const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description,
});
const delivery = body(ref('DeliverySetting'));

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Fake TeleSign',
    version: '1.0.0',
    description:
      'TeleSign SMS API as real clients see it (TSA HMAC-SHA256 or Basic auth), plus a test-only control plane under /_sim.',
  },
  components: {
    securitySchemes: {
      tsa: {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description: 'TSA <customer_id>:<base64 HMAC-SHA256 of the string-to-sign>',
      },
      basic: { type: 'http', scheme: 'basic' },
    },
    schemas: {
      Status: {
        type: 'object',
        required: ['code', 'description', 'updated_on'],
        properties: {
          code: { type: 'integer' },
          description: { type: 'string' },
          updated_on: { type: 'string', format: 'date-time' },
        },
      },
      TeleSignError: {
        type: 'object',
        properties: {
          status: ref('Status'),
          errors: {
            type: 'array',
            items: {
              type: 'object',
              properties: { code: { type: 'integer' }, description: { type: 'string' } },
            },
          },
        },
      },
      Message: {
        type: 'object',
        properties: {
          reference_id: { type: 'string', pattern: '^[0-9A-F]{32}$' },
          external_id: { type: ['string', 'null'] },
          submit_timestamp: { type: 'string' },
          status: ref('Status'),
        },
      },
      ControlError: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string' },
              message: { type: 'string' },
              field: { type: 'string' },
            },
          },
        },
      },
      Account: {
        type: 'object',
        properties: {
          customer_id: { type: 'string' },
          api_key: { type: 'string' },
          callback_url: { type: ['string', 'null'] },
          created_at: { type: 'string' },
          rate_limit_per_second: { type: ['number', 'null'] },
          delivery: { oneOf: [ref('DeliverySetting'), { type: 'null' }] },
        },
      },
      Number: {
        type: 'object',
        properties: {
          number: { type: 'string' },
          customer_id: { type: 'string' },
          type: { enum: ['long-code', 'short-code', 'toll-free'] },
          country: { type: 'string' },
          purchased_at: { type: 'string' },
        },
      },
      DeliverySetting: {
        type: 'object',
        required: ['policy'],
        properties: {
          policy: {
            oneOf: [
              { enum: ['default', 'immediate', 'stuck', 'unknown-number'] },
              {
                type: 'object',
                properties: { after: { type: 'integer', minimum: 0 } },
                required: ['after'],
              },
              { type: 'object', properties: { fail: { type: 'integer' } }, required: ['fail'] },
            ],
          },
          delayMs: { type: 'integer', minimum: 0 },
        },
      },
      Fault: {
        type: 'object',
        required: ['target', 'kind'],
        properties: {
          target: { enum: ['api', 'callback'] },
          kind: {
            enum: [
              'unavailable',
              'non-json',
              'empty',
              'hang',
              'fail',
              'refuse',
              'duplicate',
              'delay',
              'out-of-order',
            ],
          },
          count: { type: 'integer', minimum: 1, default: 1 },
          customerId: { type: 'string' },
          ms: { type: 'integer', minimum: 0 },
        },
      },
      JournalEntry: {
        type: 'object',
        required: ['seq', 'at', 'kind', 'detail'],
        properties: {
          seq: { type: 'integer' },
          at: { type: 'string' },
          kind: { enum: ['api', 'callback', 'state', 'control'] },
          customerId: { type: 'string' },
          referenceId: { type: 'string' },
          method: { type: 'string' },
          path: { type: 'string' },
          status: { type: 'integer' },
          code: { type: 'integer' },
          url: { type: 'string' },
          attempt: { type: 'integer' },
          latencyMs: { type: 'number' },
          signature: { type: 'string' },
          detail: { type: 'string' },
        },
      },
    },
  },
  paths: {
    '/v1/messaging': {
      post: {
        summary: 'Send an SMS',
        security: [{ tsa: [] }, { basic: [] }],
        requestBody: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': {
              schema: {
                type: 'object',
                required: ['phone_number', 'message', 'message_type'],
                properties: {
                  phone_number: { type: 'string' },
                  message: { type: 'string', maxLength: 1600 },
                  message_type: { enum: ['OTP', 'ARN', 'MKT'] },
                  sender_id: { type: 'string', maxLength: 20 },
                  external_id: { type: 'string' },
                  callback_url: { type: 'string' },
                  account_lifecycle_event: {
                    enum: ['create', 'sign-in', 'transact', 'update', 'delete'],
                  },
                  originating_ip: { type: 'string' },
                },
              },
            },
            'application/json': { schema: { type: 'object' } },
          },
        },
        responses: {
          '200': ok('Accepted: status 290 Message in progress', ref('Message')),
          '400': ok(
            'Parameter error (11000, 11001, 11003, 11004, 11009, 11010, 11013, 11016, 11017, 12000, 12009, 12017, -40006)',
            ref('TeleSignError'),
          ),
          '401': ok(
            'Authentication failure (10008, 10013, 10015 with the legacy -300xx code in errors)',
            ref('TeleSignError'),
          ),
          '429': ok('Rate limit exceeded (10019)', ref('TeleSignError')),
          '503': ok('Injected fault: system unavailable (-90001)', ref('TeleSignError')),
        },
      },
    },
    '/v1/messaging/{reference_id}': {
      get: {
        summary: 'Status of a sent SMS',
        security: [{ tsa: [] }, { basic: [] }],
        parameters: [pathParam('reference_id', '32 hexadecimal digits')],
        responses: {
          '200': ok('Current status', ref('Message')),
          '400': ok('Malformed reference id (11011)', ref('TeleSignError')),
          '404': ok('Unknown reference id (10017)', ref('TeleSignError')),
        },
      },
    },
    '/_sim/accounts': {
      post: {
        summary: 'Create an account',
        requestBody: body({
          type: 'object',
          properties: {
            customer_id: { type: 'string' },
            api_key: { type: 'string' },
            callback_url: { type: 'string' },
          },
        }),
        responses: { '201': ok('The account with its API key', ref('Account')), ...controlErrors },
      },
      get: {
        summary: 'List accounts',
        responses: { '200': ok('Accounts', { type: 'array', items: ref('Account') }) },
      },
    },
    '/_sim/accounts/{customer_id}': {
      get: {
        summary: 'One account',
        parameters: [pathParam('customer_id', 'UUID')],
        responses: { '200': ok('Account', ref('Account')), ...controlErrors },
      },
    },
    '/_sim/accounts/{customer_id}/numbers': {
      post: {
        summary: 'Purchase a number (a given one, or the next free one of that country and type)',
        parameters: [pathParam('customer_id', 'UUID')],
        requestBody: body({
          type: 'object',
          properties: {
            number: { type: 'string' },
            type: { enum: ['long-code', 'short-code', 'toll-free'] },
            country: { type: 'string', description: 'US, CA, GB, AU, FR, DE' },
          },
        }),
        responses: {
          '201': ok('The number', ref('Number')),
          ...controlErrors,
          '409': ok('Already purchased', ref('ControlError')),
        },
      },
      get: {
        summary: "The account's numbers",
        parameters: [pathParam('customer_id', 'UUID')],
        responses: { '200': ok('Numbers', { type: 'array', items: ref('Number') }) },
      },
    },
    '/_sim/accounts/{customer_id}/numbers/{number}': {
      delete: {
        summary: 'Release a number',
        parameters: [pathParam('customer_id', 'UUID'), pathParam('number', 'digits')],
        responses: { '200': ok('Released', ref('Number')), ...controlErrors },
      },
    },
    '/_sim/accounts/{customer_id}/numbers/{number}/delivery': {
      put: {
        summary: 'Delivery policy of messages sent from this number',
        parameters: [pathParam('customer_id', 'UUID'), pathParam('number', 'digits')],
        requestBody: delivery,
        responses: { '200': ok('Number', ref('Number')), ...controlErrors },
      },
    },
    '/_sim/accounts/{customer_id}/callback-url': {
      put: {
        summary: 'Where delivery reports and inbound SMS are posted',
        parameters: [pathParam('customer_id', 'UUID')],
        requestBody: body({
          type: 'object',
          required: ['url'],
          properties: { url: { type: ['string', 'null'] } },
        }),
        responses: { '200': ok('Account', ref('Account')), ...controlErrors },
      },
    },
    '/_sim/accounts/{customer_id}/rate-limit': {
      put: {
        summary: 'Requests per second on the faked API (null = off)',
        parameters: [pathParam('customer_id', 'UUID')],
        requestBody: body({
          type: 'object',
          required: ['perSecond'],
          properties: { perSecond: { type: ['number', 'null'] } },
        }),
        responses: { '200': ok('Account', ref('Account')), ...controlErrors },
      },
    },
    '/_sim/accounts/{customer_id}/delivery': {
      put: {
        summary: "The account's default delivery policy",
        parameters: [pathParam('customer_id', 'UUID')],
        requestBody: delivery,
        responses: { '200': ok('Account', ref('Account')), ...controlErrors },
      },
      delete: {
        summary: 'Back to the default policy',
        parameters: [pathParam('customer_id', 'UUID')],
        responses: { '200': ok('Account', ref('Account')) },
      },
    },
    '/_sim/handsets': {
      get: { summary: 'Known handsets', responses: { '200': ok('Handsets', { type: 'array' }) } },
    },
    '/_sim/handsets/{phone}/messages': {
      post: {
        summary:
          'The phone texts a purchased number; TeleSign posts a signed mo_sms to the owner (first attempt before this answers)',
        parameters: [pathParam('phone', 'digits with country code')],
        requestBody: body({
          type: 'object',
          required: ['to', 'text'],
          properties: { to: { type: 'string' }, text: { type: 'string' } },
        }),
        responses: {
          '201': ok('Inbound reference id and the callback outcome so far'),
          ...controlErrors,
        },
      },
      get: {
        summary: 'Inbox (delivered to the phone) and outbox (texted by it)',
        parameters: [pathParam('phone', 'digits')],
        responses: { '200': ok('Inbox and outbox') },
      },
    },
    '/_sim/handsets/{phone}/delivery': {
      get: {
        summary: 'Delivery policy of this handset',
        parameters: [pathParam('phone', 'digits')],
        responses: { '200': ok('Policy') },
      },
      put: {
        summary: 'Delivery policy of messages to this handset',
        parameters: [pathParam('phone', 'digits')],
        requestBody: delivery,
        responses: { '200': ok('Policy'), ...controlErrors },
      },
      delete: {
        summary: 'Back to the number/account/default policy',
        parameters: [pathParam('phone', 'digits')],
        responses: { '200': ok('Policy') },
      },
    },
    '/_sim/messages': {
      get: {
        summary: 'Outbound messages (optionally ?customer_id=)',
        responses: { '200': ok('Messages', { type: 'array' }) },
      },
    },
    '/_sim/messages/{reference_id}': {
      get: {
        summary: 'Full message record with status history and callbacks',
        parameters: [pathParam('reference_id', '32 hex')],
        responses: { '200': ok('Message'), ...controlErrors },
      },
    },
    '/_sim/faults': {
      get: {
        summary: 'Active faults',
        responses: { '200': ok('Faults', { type: 'array', items: ref('Fault') }) },
      },
      put: {
        summary: 'Add a fault for the next N API requests or callback attempts',
        requestBody: body(ref('Fault')),
        responses: { '201': ok('Fault', ref('Fault')), ...controlErrors },
      },
      delete: {
        summary: 'Clear faults (?customer_id=&target=); releases hung requests',
        responses: { '200': ok('How many were removed') },
      },
    },
    '/_sim/journal': {
      get: {
        summary:
          'Ordered, bounded log of API requests, callback attempts, state changes and control actions',
        parameters: ['kind', 'customer_id', 'reference_id', 'since', 'limit'].map((name) => ({
          name,
          in: 'query',
          schema: { type: 'string' },
        })),
        responses: { '200': ok('Entries', { type: 'array', items: ref('JournalEntry') }) },
      },
      delete: { summary: 'Clear the journal', responses: { '200': ok('Cleared') } },
    },
    '/_sim/events': {
      get: {
        summary: 'Server-sent events: one `journal` event per new journal entry',
        responses: { '200': { description: 'text/event-stream' } },
      },
    },
    '/_sim/reset': { post: { summary: 'Forget everything', responses: { '200': ok('Reset') } } },
    '/_sim/clock': {
      get: {
        summary: 'The clock (kind, now, pending timers when manual)',
        responses: { '200': ok('Clock') },
      },
    },
    '/_sim/clock/advance': {
      post: {
        summary: 'Advance a manual clock, running what falls due',
        requestBody: body({
          type: 'object',
          required: ['ms'],
          properties: { ms: { type: 'integer' } },
        }),
        responses: { '200': ok('Clock'), '409': ok('Real clock', ref('ControlError')) },
      },
    },
    '/_sim/openapi.json': {
      get: { summary: 'This document', responses: { '200': ok('OpenAPI 3.1') } },
    },
  },
} as const;
