// The OpenAPI components: security schemes and the shapes of bodies.
import { ref } from './parts';

export const components = {
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
        updated_on: {
          type: 'string',
          format: 'date-time',
          description: 'RFC 3339 with microseconds, e.g. 2016-10-21T14:05:36.181000Z',
        },
      },
    },
    TeleSignError: {
      type: 'object',
      description:
        "TeleSign's envelope; description is TeleSign's text. The fake's explanation is in the x-sim-hint header.",
      required: ['status'],
      properties: {
        status: ref('Status'),
        external_id: { type: ['string', 'null'] },
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
    JournalMessage: {
      type: 'object',
      description: 'One side of an HTTP exchange (Basic credentials masked, bodies cut at 64 KB)',
      required: ['headers', 'body'],
      properties: {
        method: { type: 'string' },
        url: { type: 'string' },
        status: { type: 'integer' },
        headers: { type: 'object', additionalProperties: { type: 'string' } },
        body: { type: 'string' },
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
        phone: { type: 'string', description: 'the handset the entry concerns' },
        method: { type: 'string' },
        path: { type: 'string' },
        status: { type: 'integer' },
        code: { type: 'integer' },
        url: { type: 'string' },
        attempt: { type: 'integer' },
        latencyMs: { type: 'number' },
        signature: { type: 'string' },
        signed: {
          type: 'string',
          description: "TSA's string-to-sign of a request; a callback's raw body",
        },
        request: ref('JournalMessage'),
        response: ref('JournalMessage'),
        detail: { type: 'string' },
      },
    },
  },
};
