// The TeleSign gateway over HTTP through the official `telesignsdk` client: sends SMS and probes
// credentials, turning every wire outcome (TeleSign bodies, non-JSON, refused, timeout) into a value.
import { createRequire } from 'node:module';
import type {
  OutboundSms,
  ProbeNumber,
  ProbeOutcome,
  SendOutcome,
  TeleSignCredentials,
  TeleSignGateway,
} from '../service/telesign-gateway';

/** The slice of the SDK this adapter uses (the package ships no types). */
type SdkCallback = (error: unknown, body: unknown) => void;
interface SdkRestClient {
  execute(
    callback: SdkCallback,
    method: 'GET' | 'POST',
    resource: string,
    params?: Record<string, string> | null,
  ): void;
}
/** The SDK's HTTP transport: `fetch(url, { method, headers, body, timeout })`, then `.json()`. */
type SdkFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; timeout: number },
) => Promise<{ json(): Promise<unknown> }>;
type SdkRestConstructor = new (
  requestWrapper: unknown,
  customerId: string,
  apiKey: string,
  restEndpoint: string,
  timeoutMs: number,
) => SdkRestClient;
type SdkFetchWrapperConstructor = new (fetch?: SdkFetch) => unknown;

// The SDK's own pieces, wired as its `TeleSign` class wires `rest` (RestClient over a
// FetchRequestWrapper), so a caller may hand the wrapper another fetch than node-fetch.
const requireSdk = createRequire(import.meta.url);
const RestClient = requireSdk('telesignsdk/src/RestClient.js') as SdkRestConstructor;
const { FetchRequestWrapper } = requireSdk('telesignsdk/src/RequestWrapper.js') as {
  FetchRequestWrapper: SdkFetchWrapperConstructor;
};

export interface SdkGatewayOptions {
  /** TeleSign's REST endpoint, e.g. the fake's `http://127.0.0.1:4010`. */
  restEndpoint: string;
  /** The SDK's timeout; small, because the SDK keeps a timer alive this long after every call. */
  timeoutMs?: number;
  /**
   * The SDK's transport (default: node-fetch over a socket, as the SDK ships). The scenario harness
   * hands it the fake's app in-process: the SDK still builds, signs and reads every request.
   */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

/** The reference id no message ever has: a GET on it costs nothing and tells valid from invalid. */
const PROBE_REFERENCE_ID = '00000000000000000000000000000000';

/** What the SDK handed to its callback, classified. */
export type SdkReply =
  | { kind: 'body'; code: number | null; description: string; referenceId: string | null }
  | { kind: 'timeout' }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'bad-response'; detail: string };

const AUTH_CUSTOMER_CODES = new Set([10013, 10015]);
const AUTH_KEY_CODES = new Set([10008]);

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

/** Classifies the SDK's `(error, body)`: it passes parsed JSON whatever the HTTP status. */
export function classifySdkReply(error: unknown, body: unknown): SdkReply {
  if (error) {
    const err = record(error);
    if (err?.code === 408) return { kind: 'timeout' };
    const detail = typeof err?.message === 'string' ? err.message : String(error);
    if (err?.type === 'invalid-json') return { kind: 'bad-response', detail };
    if (typeof err?.code === 'string' || err?.type === 'system') {
      return { kind: 'unreachable', detail };
    }
    return { kind: 'bad-response', detail };
  }
  const parsed = record(body);
  const status = record(parsed?.status);
  if (!parsed || !status)
    return { kind: 'bad-response', detail: 'TeleSign answered without a status.' };
  const code = typeof status.code === 'number' ? status.code : Number(status.code);
  const description = typeof status.description === 'string' ? status.description : '';
  const referenceId = typeof parsed.reference_id === 'string' ? parsed.reference_id : null;
  return { kind: 'body', code: Number.isFinite(code) ? code : null, description, referenceId };
}

/** Success codes of a send: 290 in progress, and the delivery codes TeleSign may answer with. */
function isAccepted(code: number): boolean {
  return code === 290 || code === 291 || code === 292 || (code >= 200 && code < 300);
}

/**
 * Worth retrying: the rate limit (10019; 10020 is a hard cap), TeleSign's "system unavailable"
 * (-90001, sent with HTTP 503) and the 5xx-style envelope codes. Everything else is final.
 */
const RETRYABLE_CODES = new Set([10019, -90001, 500, 502, 503, 504]);
function isRetryable(code: number): boolean {
  return RETRYABLE_CODES.has(code);
}

/** Maps a classified SDK reply of `POST /v1/messaging` to the port's outcome. */
export function toSendOutcome(reply: SdkReply): SendOutcome {
  switch (reply.kind) {
    case 'timeout':
      return {
        ok: false,
        code: 'timeout',
        description: 'TeleSign did not answer in time.',
        retryable: true,
      };
    case 'unreachable':
      return {
        ok: false,
        code: 'unreachable',
        description: `TeleSign could not be reached (${reply.detail}).`,
        retryable: true,
      };
    case 'bad-response':
      return {
        ok: false,
        code: 'bad-response',
        description: `TeleSign answered with something that is not its JSON (${reply.detail}).`,
        retryable: true,
      };
    case 'body': {
      const { code, description, referenceId } = reply;
      if (code !== null && isAccepted(code) && referenceId) {
        return { ok: true, referenceId, status: { code, description } };
      }
      if (code === null) {
        return {
          ok: false,
          code: 'bad-response',
          description: 'TeleSign answered without a status code.',
          retryable: true,
        };
      }
      return {
        ok: false,
        code,
        description: description || `TeleSign status ${code}.`,
        retryable: isRetryable(code),
      };
    }
  }
}

/** Maps a classified SDK reply of the probe GET to a validation outcome (R-WS-5). */
export function toProbeOutcome(reply: SdkReply): ProbeOutcome {
  switch (reply.kind) {
    case 'timeout':
      return { outcome: 'telesign-unreachable', detail: 'TeleSign did not answer in time.' };
    case 'unreachable':
      return {
        outcome: 'telesign-unreachable',
        detail: `TeleSign could not be reached (${reply.detail}).`,
      };
    case 'bad-response':
      return {
        outcome: 'telesign-unreachable',
        detail: `TeleSign answered with something that is not its JSON (${reply.detail}).`,
      };
    case 'body': {
      const { code, description } = reply;
      const said = description ? ` (TeleSign ${code}: ${description})` : ` (TeleSign ${code})`;
      if (code === 10017 || code === 10036 || (code !== null && isAccepted(code))) {
        return { outcome: 'valid', detail: 'TeleSign accepted the customer ID and API key.' };
      }
      if (code !== null && AUTH_CUSTOMER_CODES.has(code)) {
        return {
          outcome: 'customer-id-invalid',
          detail: `TeleSign does not know this customer ID${said}.`,
        };
      }
      if (code !== null && AUTH_KEY_CODES.has(code)) {
        return { outcome: 'api-key-invalid', detail: `TeleSign refused the API key${said}.` };
      }
      return {
        outcome: 'telesign-unreachable',
        detail: `TeleSign could not check the credentials${said}.`,
      };
    }
  }
}

/**
 * Maps the answer to the validation test SMS (after the credentials passed) to an outcome. TeleSign
 * does not refuse a sender id the account does not own, it overrides it (R-WS-5 clarified), so an
 * accepted test SMS proves nothing yet: the outcome is `checking` until it comes back (R-NUM-5).
 */
export function toNumberProbeOutcome(number: string, sent: SendOutcome): ProbeOutcome {
  if (sent.ok) {
    return {
      outcome: 'checking',
      detail: `TeleSign accepted the customer ID and API key and a test SMS from and to ${number}.`,
    };
  }
  const said = `TeleSign ${sent.code}: ${sent.description}`;
  if (typeof sent.code === 'number' && AUTH_CUSTOMER_CODES.has(sent.code)) {
    return {
      outcome: 'customer-id-invalid',
      detail: `TeleSign does not know this customer ID (${said}).`,
    };
  }
  if (typeof sent.code === 'number' && AUTH_KEY_CODES.has(sent.code)) {
    return { outcome: 'api-key-invalid', detail: `TeleSign refused the API key (${said}).` };
  }
  return {
    outcome: 'telesign-unreachable',
    detail: `The credentials are valid but the test SMS to ${number} failed (${said}).`,
  };
}

/** A TeleSignGateway that talks HTTP through one SDK client per set of credentials. */
export function createSdkTeleSignGateway(options: SdkGatewayOptions): TeleSignGateway {
  const timeoutMs = options.timeoutMs ?? 5000;
  const clients = new Map<string, SdkRestClient>();
  const transport = new FetchRequestWrapper(options.fetch);

  const clientFor = ({ customerId, apiKey }: TeleSignCredentials): SdkRestClient => {
    const key = `${customerId}\u0000${apiKey}`;
    let client = clients.get(key);
    if (!client) {
      client = new RestClient(transport, customerId, apiKey, options.restEndpoint, timeoutMs);
      clients.set(key, client);
    }
    return client;
  };

  const call = (
    credentials: TeleSignCredentials,
    method: 'GET' | 'POST',
    resource: string,
    params: Record<string, string> | null,
  ): Promise<SdkReply> =>
    new Promise((resolve) => {
      let settled = false;
      const done: SdkCallback = (error, body) => {
        if (settled) return;
        settled = true;
        resolve(classifySdkReply(error, body));
      };
      try {
        clientFor(credentials).execute(done, method, resource, params);
      } catch (error) {
        // The SDK throws synchronously on an endpoint it cannot parse as a URL.
        done(error, null);
      }
    });

  const sendSms = async (
    credentials: TeleSignCredentials,
    sms: OutboundSms,
  ): Promise<SendOutcome> => {
    const reply = await call(credentials, 'POST', '/v1/messaging', {
      phone_number: sms.to,
      message: sms.text,
      message_type: 'ARN',
      sender_id: sms.from,
      external_id: sms.externalId,
    });
    return toSendOutcome(reply);
  };

  return {
    sendSms,
    async probeCredentials(credentials, number?: ProbeNumber) {
      const reply = await call(credentials, 'GET', `/v1/messaging/${PROBE_REFERENCE_ID}`, null);
      const probe = toProbeOutcome(reply);
      if (probe.outcome !== 'valid' || !number) return probe;
      const sent = await sendSms(credentials, {
        to: number.number,
        from: number.number,
        text: `Validation test from ${number.workStreamName}`,
        externalId: `validate:${number.number}`,
      });
      return toNumberProbeOutcome(number.number, sent);
    },
  };
}
