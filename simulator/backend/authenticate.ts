// Checks a faked-API request's credentials (TSA HMAC-SHA256 or Basic) as TeleSign does.
import { hmacSignature, signaturesEqual, stringToSign } from '../../lib/telesign-signing';
import type { TeleSignProblem } from '../errors/telesign-codes';
import { CUSTOMER_ID_PATTERN } from './accounts';
import type { NonceCache } from './nonce-cache';
import type { AccountRecord } from './world-store';

export interface SignedRequest {
  method: string;
  /** Percent-decoded path without the base prefix and query: what the client signed. */
  resource: string;
  contentType: string;
  body: string;
  authorization?: string | undefined;
  date?: string | undefined;
  xTsDate?: string | undefined;
  authMethod?: string | undefined;
  nonce?: string | undefined;
}

export type AuthResult =
  | {
      ok: true;
      account: AccountRecord;
      scheme: 'TSA' | 'Basic';
      /** TSA: the string-to-sign the signature was checked against (for the journal). */
      signed?: string;
    }
  | { ok: false; problem: TeleSignProblem; customerId?: string };

export interface AuthOptions {
  findAccount(customerId: string): AccountRecord | undefined;
  now(): number;
  nonces: NonceCache;
  toleranceMs: number;
  /**
   * Also accept dates within the tolerance of the wall clock. SDKs date requests with the wall
   * clock, so a manual clock advanced by hours would otherwise refuse every request.
   */
  acceptWallClock: boolean;
}

/** RFC 822/1123 dates as clients send them: "Wed, 14 Dec 2016 18:20:12 GMT" (or a numeric zone). */
const RFC822 =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{2,4} \d{2}:\d{2}(?::\d{2})? (?:GMT|UT|UTC|[ECMP][SD]T|[+-]\d{4})$/;

/** The 401 codes of TeleSign's SMS API, one per failure (reference/telesign.md §11.1). */
type AuthCode = 10002 | 10003 | 10004 | 10005 | 10008 | 10013 | 10015;

const fail = (code: AuthCode, hint: string, customerId?: string): AuthResult => ({
  ok: false,
  problem: { code, hint },
  ...(customerId !== undefined ? { customerId } : {}),
});

export function parseAuthorization(
  header: string,
):
  | { scheme: 'TSA'; customerId: string; signature: string }
  | { scheme: 'Basic'; customerId: string; apiKey: string }
  | null {
  const tsa = /^TSA ([^:\s]+):(\S+)$/.exec(header.trim());
  if (tsa) return { scheme: 'TSA', customerId: tsa[1] ?? '', signature: tsa[2] ?? '' };
  const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header.trim());
  if (!basic) return null;
  const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return null;
  return { scheme: 'Basic', customerId: decoded.slice(0, colon), apiKey: decoded.slice(colon + 1) };
}

export function authenticate(request: SignedRequest, options: AuthOptions): AuthResult {
  if (!request.authorization) {
    return fail(
      10008,
      'Missing Authorization header: sign the request with "TSA <customer_id>:<signature>" or use Basic.',
    );
  }
  const parsed = parseAuthorization(request.authorization);
  if (!parsed) {
    return fail(
      10008,
      'Authorization header is malformed: expected "TSA <customer_id>:<base64 signature>" or "Basic <base64 of customer_id:api_key>".',
    );
  }
  const { customerId } = parsed;
  if (!CUSTOMER_ID_PATTERN.test(customerId)) {
    return fail(
      10015,
      `Invalid Customer ID: "${customerId}" is not a TeleSign customer id (a UUID such as FFFFFFFF-EEEE-DDDD-1234-AB1234567890).`,
      customerId,
    );
  }
  const account = options.findAccount(customerId);
  if (!account) {
    return fail(
      10013,
      `Customer ID account not found: no account ${customerId.toUpperCase()} exists in this simulator.`,
      customerId,
    );
  }
  const cid = account.customerId;
  if (parsed.scheme === 'Basic') {
    return signaturesEqual(parsed.apiKey, account.apiKey)
      ? { ok: true, account, scheme: 'Basic' }
      : fail(10008, "Invalid API key: the Basic password is not this account's API key.", cid);
  }
  if (request.authMethod !== undefined && request.authMethod.toUpperCase() !== 'HMAC-SHA256') {
    return fail(
      10008,
      `Invalid x-ts-auth-method "${request.authMethod}": only HMAC-SHA256 is supported.`,
      cid,
    );
  }
  const dateText = request.xTsDate ?? request.date;
  if (!dateText)
    return fail(10005, 'Missing Date or x-ts-date header: TSA signatures need a date.', cid);
  const when = Date.parse(dateText);
  if (!RFC822.test(dateText.trim()) || Number.isNaN(when)) {
    return fail(
      10005,
      `Date "${dateText}" is not RFC 822 compliant: use e.g. "Wed, 14 Dec 2016 18:20:12 GMT".`,
      cid,
    );
  }
  const skew = when - options.now();
  const wallSkew = options.acceptWallClock ? when - Date.now() : skew;
  if (Math.abs(skew) > options.toleranceMs && Math.abs(wallSkew) > options.toleranceMs) {
    return fail(
      10004,
      `Date is outside of the tolerable range: ${Math.round(skew / 1000)} s from the server clock (at most ±${options.toleranceMs / 60_000} min).`,
      cid,
    );
  }
  if (request.nonce !== undefined && (request.nonce.length < 1 || request.nonce.length > 255)) {
    return fail(
      10003,
      `Nonce is too long or too short: x-ts-nonce must be 1 to 255 characters (got ${request.nonce.length}).`,
      cid,
    );
  }
  const signed = stringToSign({
    method: request.method,
    contentType: request.contentType,
    date: request.date,
    xTsDate: request.xTsDate,
    authMethod: request.authMethod,
    nonce: request.nonce,
    body: request.body,
    resource: request.resource,
  });
  const expected = hmacSignature(account.apiKey, signed);
  if (!signaturesEqual(parsed.signature, expected)) {
    return fail(
      10008,
      `Invalid Signature: HMAC-SHA256 of the string-to-sign (method, content type, date, x-ts-* headers, raw body, path ${request.resource}, joined by LF) with the base64-decoded API key does not match.`,
      cid,
    );
  }
  if (request.nonce !== undefined && !options.nonces.remember(cid, request.nonce)) {
    return fail(
      10002,
      `Nonce has been used recently: x-ts-nonce "${request.nonce}" was already seen within ±${options.toleranceMs / 60_000} min.`,
      cid,
    );
  }
  return { ok: true, account, scheme: 'TSA', signed };
}
