// OpenAPI paths of the /_sim control plane.
import { body, controlErrors, delivery, json, ok, pathParam, ref } from './parts';

export const controlPaths = {
  '/_sim': {
    get: {
      summary:
        'Index of the control plane (also at /_sim/): links to this document and the docs; HTML for a browser, JSON otherwise',
      responses: { '200': ok('Index') },
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
          callback_url: {
            type: 'string',
            description:
              'HTTPS on port 443, as TeleSign requires; loopback hosts (and the in-process transport host) are accepted with a journal note; otherwise 400 invalid_field naming callback_url',
          },
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
      description:
        "The same rule as a send's callback_url (reference §11.5): HTTPS on port 443; a loopback host (localhost, 127.0.0.0/8, ::1, or a host of the in-process transport) is accepted on any scheme and port with a journal note that TeleSign would refuse it; anything else is a 400 invalid_field naming `url` and the rule. null clears it.",
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
      summary:
        'Inbox (delivered to the phone) and outbox (texted by it); cleared_after: the last message sent to the phone before its thread was last cleared (null: none, or never cleared)',
      parameters: [pathParam('phone', 'digits')],
      responses: { '200': ok('Inbox and outbox') },
    },
    delete: {
      summary:
        "Clear the handset's thread (inbox and outbox, kept in the data folder); TeleSign's message records stay, and cleared_after names the last one sent to the phone so views can hide them. 404 for a phone the fake does not know (this never creates one)",
      parameters: [pathParam('phone', 'digits')],
      responses: { '200': ok('{ phone, removed, cleared_after }'), ...controlErrors },
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
      summary: 'Outbound messages (optionally ?customer_id= and ?phone_number=, the recipient)',
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
        'Ordered, bounded log of API requests, callback attempts, state changes and control actions: the newest 10 000 entries, kept across a restart with --data (telesign-journal.jsonl, at most twice that on disk); Basic credentials masked',
      parameters: ['kind', 'customer_id', 'reference_id', 'phone', 'since', 'limit'].map(
        (name) => ({
          name,
          in: 'query',
          schema: { type: 'string' },
        }),
      ),
      responses: { '200': ok('Entries', { type: 'array', items: ref('JournalEntry') }) },
    },
    delete: { summary: 'Clear the journal', responses: { '200': ok('Cleared') } },
  },
  '/_sim/journal/{seq}': {
    get: {
      summary:
        'One journal entry with the full request and response (headers, body) and what was signed',
      parameters: [pathParam('seq', 'the entry number')],
      responses: { '200': ok('Entry', ref('JournalEntry')), ...controlErrors },
    },
  },
  '/_sim/events': {
    get: {
      summary:
        'Server-sent events: one `journal` event per new journal entry, without its request, response and signed text (GET /_sim/journal/{seq} has them)',
      responses: { '200': { description: 'text/event-stream' } },
    },
  },
  '/_sim/reset': {
    post: {
      summary:
        'Forget everything (also in the data folder). With keep_accounts: true, accounts (settings, callback URLs, policies) and purchased numbers stay, and so does the nonce cache; messages, handsets and their threads, opt-outs, handset policies, journal and faults go. The body may be absent',
      requestBody: {
        required: false,
        content: json({
          type: 'object',
          additionalProperties: false,
          properties: { keep_accounts: { type: 'boolean' } },
        }),
      },
      responses: { '200': ok('{ reset: true, kept_accounts }'), ...controlErrors },
    },
  },
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
};
