// OpenAPI paths of the faked TeleSign API.
import { ok, pathParam, ref } from './parts';

export const teleSignPaths = {
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
                sender_id: {
                  type: 'string',
                  maxLength: 20,
                  description:
                    '1 to 20 letters, digits or spaces (else 11013). Used when the account purchased it or has it allow-listed (settings.sender_ids); otherwise overridden by the pool number 18445550199, never refused.',
                },
                external_id: { type: 'string' },
                callback_url: {
                  type: 'string',
                  description:
                    'https:// on port 443, else 11004; loopback hosts are accepted on any scheme and port (journal note).',
                },
                account_lifecycle_event: {
                  enum: ['create', 'sign-in', 'transact', 'update', 'delete'],
                },
                originating_ip: { type: 'string' },
              },
            },
          },
        },
      },
      responses: {
        '200': ok('Accepted: status 290 Message in progress', ref('Message')),
        '400': ok(
          'Parameter error (11000, 11001, 11003, 11004, 11009, 11010, 11013, 11016, 11017, 12000, 12009, 12017, -40006); a body that is not form-encoded has no parameter: 12000',
          ref('TeleSignError'),
        ),
        '401': ok(
          'Authentication failure: 10002 nonce reused, 10003 nonce length, 10004 date out of range, 10005 date missing or not RFC 822, 10008 signature/key/Authorization, 10013 unknown customer, 10015 malformed customer id',
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
        '404': ok(
          'Unknown reference id (10017); more than 12 hours after the send (10036)',
          ref('TeleSignError'),
        ),
      },
    },
  },
};
