import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  classifySdkReply,
  createSdkTeleSignGateway,
  toNumberProbeOutcome,
  toProbeOutcome,
  toSendOutcome,
} from './telesign-gateway-sdk';

const credentials = { customerId: 'CID', apiKey: 'VGVzdCBLZXk=' };
const sms = { to: '15555550100', from: '15555550199', text: 'Hello', externalId: 'msg_1' };

describe('mapping SDK replies', () => {
  it('reads a 290 body as a sent message with its reference id', () => {
    const reply = classifySdkReply(null, {
      reference_id: 'ABC',
      status: { code: 290, description: 'Message in progress' },
    });
    expect(toSendOutcome(reply)).toEqual({
      ok: true,
      referenceId: 'ABC',
      status: { code: 290, description: 'Message in progress' },
    });
  });

  it('reads a 10019 body as a retryable rate limit', () => {
    const reply = classifySdkReply(null, {
      status: { code: 10019, description: 'Rate Limit Exceeded' },
    });
    expect(toSendOutcome(reply)).toEqual({
      ok: false,
      code: 10019,
      description: 'Rate Limit Exceeded',
      retryable: true,
    });
  });

  it('reads an 11000 body as a final (not retryable) failure', () => {
    const reply = classifySdkReply(null, {
      status: { code: 11000, description: 'Invalid value for parameter phone_number.' },
    });
    expect(toSendOutcome(reply)).toMatchObject({ ok: false, code: 11000, retryable: false });
  });

  it("reads the SDK's {code:408} as a retryable timeout", () => {
    expect(toSendOutcome(classifySdkReply({ code: 408, message: 'Timeout' }, null))).toMatchObject({
      ok: false,
      code: 'timeout',
      retryable: true,
    });
  });

  it('reads an invalid-json FetchError as a bad response', () => {
    const error = { type: 'invalid-json', message: 'Unexpected token < in JSON' };
    expect(toSendOutcome(classifySdkReply(error, error))).toMatchObject({
      ok: false,
      code: 'bad-response',
      retryable: true,
    });
  });

  it('reads a JSON body without a status as a bad response', () => {
    expect(toSendOutcome(classifySdkReply(null, { hello: 1 }))).toMatchObject({
      code: 'bad-response',
    });
  });

  it('reads a probe answered 10017 (reference not found) as valid credentials (R-WS-5)', () => {
    const reply = classifySdkReply(null, {
      status: { code: 10017, description: 'Reference ID not found' },
    });
    expect(toProbeOutcome(reply).outcome).toBe('valid');
  });

  it('reads a probe answered 10015 as an invalid customer id and 10008 as an invalid key (R-WS-5)', () => {
    const customer = classifySdkReply(null, {
      status: { code: 10015, description: 'Invalid Customer ID.' },
    });
    const key = classifySdkReply(null, {
      status: { code: 10008, description: 'Invalid Signature.' },
    });
    expect(toProbeOutcome(customer)).toEqual({
      outcome: 'customer-id-invalid',
      detail: 'TeleSign does not know this customer ID (TeleSign 10015: Invalid Customer ID.).',
    });
    expect(toProbeOutcome(key).outcome).toBe('api-key-invalid');
  });
});

describe('the SDK gateway over a socket', () => {
  let server: Server | undefined;
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // the SDK prints "FATAL ERROR" lines
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    const running = server;
    server = undefined;
    if (running) {
      running.closeAllConnections();
      await new Promise((resolve) => running.close(resolve));
    }
  });

  const listen = async (handler: Parameters<typeof createServer>[1]): Promise<string> => {
    const created = createServer(handler);
    server = created;
    await new Promise<void>((resolve) => created.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(created.address() as AddressInfo).port}`;
  };

  it('sends phone_number, message, ARN, sender_id and external_id as a signed form', async () => {
    let seen: { body: string; auth: string | undefined } | undefined;
    const url = await listen((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        seen = { body, auth: req.headers.authorization };
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            reference_id: 'R1',
            status: { code: 290, description: 'Message in progress' },
          }),
        );
      });
    });
    const outcome = await createSdkTeleSignGateway({
      restEndpoint: url,
      timeoutMs: 10_000,
    }).sendSms(credentials, sms);
    expect(outcome).toMatchObject({ ok: true, referenceId: 'R1' });
    expect(new URLSearchParams(seen?.body)).toEqual(
      new URLSearchParams(
        'phone_number=15555550100&message=Hello&message_type=ARN&sender_id=15555550199&external_id=msg_1',
      ),
    );
    expect(seen?.auth).toMatch(/^TSA CID:/);
  });

  it('reports a refused connection as unreachable and retryable', async () => {
    const url = await listen(() => {});
    const running = server!;
    server = undefined;
    await new Promise((resolve) => running.close(resolve));
    const outcome = await createSdkTeleSignGateway({
      restEndpoint: url,
      timeoutMs: 10_000,
    }).sendSms(credentials, sms);
    expect(outcome).toMatchObject({ ok: false, code: 'unreachable', retryable: true });
    expect(outcome.ok ? '' : outcome.description).toContain('ECONNREFUSED');
  });

  it('reports a server that never answers as a timeout after the SDK timeout', async () => {
    const url = await listen(() => {});
    const outcome = await createSdkTeleSignGateway({ restEndpoint: url, timeoutMs: 100 }).sendSms(
      credentials,
      sms,
    );
    expect(outcome).toMatchObject({ ok: false, code: 'timeout', retryable: true });
  });
});

describe('mapping the validation test SMS (R-NUM-5)', () => {
  it('reads an accepted test SMS as checking: only its return proves the number (R-WS-5)', () => {
    const outcome = toNumberProbeOutcome('14155550177', {
      ok: true,
      referenceId: '0123456789ABCDEF0123456789ABCDEF',
      status: { code: 290, description: 'Message in progress' },
    });
    expect(outcome).toEqual({
      outcome: 'checking',
      detail:
        'TeleSign accepted the customer ID and API key and a test SMS from and to 14155550177.',
    });
  });

  it("reads a refused test SMS (e.g. a trial account) as a failure naming TeleSign's code, not as valid", () => {
    const outcome = toNumberProbeOutcome('14155550177', {
      ok: false,
      code: 10033,
      description: 'Unverified phone_number requested for trial account.',
      retryable: false,
    });
    expect(outcome.outcome).toBe('telesign-unreachable');
    expect(outcome.detail).toContain(
      'TeleSign 10033: Unverified phone_number requested for trial account.',
    );
  });

  it('reads a timed-out test SMS as TeleSign unreachable, not as a number problem', () => {
    const outcome = toNumberProbeOutcome('14155550177', {
      ok: false,
      code: 'timeout',
      description: 'TeleSign did not answer in time.',
      retryable: true,
    });
    expect(outcome).toEqual({
      outcome: 'telesign-unreachable',
      detail:
        'The credentials are valid but the test SMS to 14155550177 failed (TeleSign timeout: TeleSign did not answer in time.).',
    });
  });
});

describe('the SDK over a given transport', () => {
  it('hands the signed form to the given fetch instead of a socket, and reads its answer', async () => {
    const seen: Array<{ url: string; method: string | undefined; auth: string; body: string }> = [];
    const gateway = createSdkTeleSignGateway({
      restEndpoint: 'http://telesign.test',
      fetch: async (url, init) => {
        const headers = new Headers(init.headers);
        seen.push({
          url,
          method: init.method,
          auth: headers.get('authorization') ?? '',
          body: String(init.body),
        });
        return Response.json({
          reference_id: 'R2',
          status: { code: 290, description: 'Message in progress' },
        });
      },
    });
    const outcome = await gateway.sendSms(credentials, sms);
    expect(outcome).toMatchObject({ ok: true, referenceId: 'R2' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ url: 'http://telesign.test/v1/messaging', method: 'POST' });
    expect(seen[0]?.auth).toMatch(/^TSA CID:/);
    expect(new URLSearchParams(seen[0]?.body).get('external_id')).toBe('msg_1');
  });
});
