// OpenAPI paths of the control plane's revision-2 powers: account settings and handsets' opt-outs.
import { z } from 'zod';
import { settingsInputSchema } from '../backend/account-settings';
import { body, controlErrors, ok, pathParam } from './parts';

const settingsInput = z.toJSONSchema(settingsInputSchema, { io: 'input' }) as Record<
  string,
  unknown
>;

const settingsView = {
  type: 'object',
  description:
    'opt_out {enabled, stop_reply, start_reply, help_reply}, prepaid_balance, price_per_segment, currency, trial, verified_numbers, hard_cap, sent_since_cap, sender_ids (allow-listed sender ids), additional_info',
};

const optOut = {
  type: 'object',
  properties: {
    number: { type: 'string' },
    customer_id: { type: 'string' },
    keyword: { type: 'string', description: 'What the handset texted, or "control plane"' },
    since: { type: 'string' },
  },
};

export const accountStatePaths = {
  '/_sim/callbacks/abandoned': {
    get: {
      summary:
        'Callbacks (delivery reports, inbound SMS) given up after their last retry, with their attempts; kept across a restart with --data (the newest 10 000)',
      responses: { '200': ok('Callback records', { type: 'array', items: { type: 'object' } }) },
    },
  },
  '/_sim/callbacks/{id}/redeliver': {
    post: {
      summary:
        "Send an abandoned callback once more (same body, signed with the account's key; one that went to the account's callback URL goes to its URL now); failing again, it stays abandoned. Works on callbacks abandoned before a restart",
      parameters: [pathParam('id', 'the callback id')],
      responses: { '200': ok('The callback record', { type: 'object' }), ...controlErrors },
    },
  },
  '/_sim/accounts/{customer_id}/settings': {
    get: {
      summary: "The account's settings",
      parameters: [pathParam('customer_id', 'UUID')],
      responses: { '200': ok('Settings', settingsView), ...controlErrors },
    },
    put: {
      summary:
        'Change any of the settings: managed opt-out and its replies, prepaid balance (402/10030), trial with verified numbers (400/10033), hard cap (429/10020; setting it restarts the count), allow-listed sender ids, additional_info on delivery reports',
      parameters: [pathParam('customer_id', 'UUID')],
      requestBody: body(settingsInput),
      responses: { '200': ok('Settings', settingsView), ...controlErrors },
    },
  },
  '/_sim/handsets/{phone}/opt-outs': {
    get: {
      summary: 'The numbers this handset opted out of (STOP), with when and how',
      parameters: [pathParam('phone', 'digits')],
      responses: {
        '200': ok('Opt-outs', {
          type: 'object',
          properties: { phone: { type: 'string' }, opt_outs: { type: 'array', items: optOut } },
        }),
        ...controlErrors,
      },
    },
  },
  '/_sim/handsets/{phone}/opt-outs/{number}': {
    put: {
      summary: 'Opt the handset out of a purchased number, as if it had texted STOP (no reply)',
      parameters: [pathParam('phone', 'digits'), pathParam('number', 'a purchased number')],
      responses: { '200': ok('The opt-out', optOut), ...controlErrors },
    },
    delete: {
      summary: 'Opt the handset back in, as if it had texted START (no reply)',
      parameters: [pathParam('phone', 'digits'), pathParam('number', 'a purchased number')],
      responses: { '200': ok('Opted back in'), ...controlErrors },
    },
  },
};
