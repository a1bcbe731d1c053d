// The port through which the channel talks to TeleSign; implemented over HTTP with the official
// SDK in channel/adapters/telesign-gateway-sdk.ts, faked in unit tests.
import type { ValidationOutcome } from '../domain/model';

export interface TeleSignCredentials {
  customerId: string;
  apiKey: string;
}

export interface OutboundSms {
  /** Customer's number, digits (TeleSign's `phone_number`). */
  to: string;
  /** The work stream's number, sent as TeleSign `sender_id`. */
  from: string;
  text: string;
  /** Our message id, sent as TeleSign `external_id` and echoed in delivery reports. */
  externalId: string;
}

export type SendOutcome =
  | { ok: true; referenceId: string; status: { code: number; description: string } }
  | {
      ok: false;
      /** TeleSign status code (e.g. 10008, 11000, 10019) or a transport code (`timeout`, `unreachable`, `bad-response`). */
      code: number | 'timeout' | 'unreachable' | 'bad-response';
      description: string;
      /** Worth trying again later (429, 5xx, timeouts, connection errors). */
      retryable: boolean;
    };

export interface ProbeOutcome {
  outcome: ValidationOutcome;
  detail: string;
}

/** The work stream's number to validate with a test SMS to itself (R-WS-5, R-NUM-5). */
export interface ProbeNumber {
  number: string;
  /** Named in the test SMS so a person reading the number's traffic knows what it was. */
  workStreamName: string;
}

export interface TeleSignGateway {
  sendSms(credentials: TeleSignCredentials, sms: OutboundSms): Promise<SendOutcome>;
  /**
   * Checks credentials (R-WS-5); given a number, then sends a test SMS from and to it and answers
   * `checking`: the SMS proves the account owns the number only when it comes back (R-NUM-5).
   */
  probeCredentials(credentials: TeleSignCredentials, number?: ProbeNumber): Promise<ProbeOutcome>;
}
