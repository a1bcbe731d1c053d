// TeleSign's signing rules, shared by the fake (verifies requests, signs callbacks) and the
// channel (verifies callbacks): the string-to-sign and HMAC of reference/telesign.md §1.2, §1.3, §3.
import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';

export interface StringToSignParts {
  method: string;
  contentType: string;
  /** The `Date` header; ignored (empty line) when `xTsDate` is given. */
  date?: string | undefined;
  xTsDate?: string | undefined;
  authMethod?: string | undefined;
  nonce?: string | undefined;
  /** The exact body bytes sent, as text; omitted from the string when empty. */
  body?: string | undefined;
  /** The signed resource: the decoded path without any base prefix and without query. */
  resource: string;
}

/** Builds TeleSign's TSA string-to-sign: lines joined by LF, x-ts-* headers in alphabetical order. */
export function stringToSign(parts: StringToSignParts): string {
  const lines = [
    parts.method.toUpperCase(),
    parts.contentType,
    parts.xTsDate !== undefined ? '' : (parts.date ?? ''),
  ];
  if (parts.authMethod !== undefined) lines.push(`x-ts-auth-method:${parts.authMethod}`);
  if (parts.xTsDate !== undefined) lines.push(`x-ts-date:${parts.xTsDate}`);
  if (parts.nonce !== undefined) lines.push(`x-ts-nonce:${parts.nonce}`);
  if (parts.body) lines.push(parts.body);
  lines.push(parts.resource);
  return lines.join('\n');
}

/** Decoded API keys: a busy fake signs and verifies with the same few keys all the time. */
const keys = new Map<string, KeyObject>();

function keyOf(apiKey: string): KeyObject {
  let key = keys.get(apiKey);
  if (!key) {
    if (keys.size >= 1024) keys.clear();
    key = createSecretKey(Buffer.from(apiKey, 'base64'));
    keys.set(apiKey, key);
  }
  return key;
}

/** base64(HMAC-SHA256(base64-decode(apiKey), text)), decoding the key leniently as Node's SDK does. */
export function hmacSignature(apiKey: string, text: string): string {
  return createHmac('sha256', keyOf(apiKey)).update(text, 'utf8').digest('base64');
}

/** Constant-time comparison of two base64 signatures. */
export function signaturesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The headers TeleSign sends with a callback (delivery report or inbound SMS) of `body`. */
export function callbackAuthHeaders(
  customerId: string,
  apiKey: string,
  body: string,
): Record<string, string> {
  const signature = hmacSignature(apiKey, body);
  return {
    Authorization: `TSA ${customerId}:${signature}`,
    'X-TS-Authorization': signature,
  };
}

export type CallbackVerdict =
  | { ok: true; customerId: string }
  | { ok: false; reason: 'missing' | 'malformed' | 'forged' };

/** Checks a callback's `Authorization: TSA <cid>:<sig>` header against the raw body. */
export function verifyCallback(
  authorization: string | undefined,
  body: string,
  apiKey: string,
): CallbackVerdict {
  if (!authorization) return { ok: false, reason: 'missing' };
  const match = /^TSA ([^:\s]+):(\S+)$/.exec(authorization.trim());
  if (!match) return { ok: false, reason: 'malformed' };
  const [, customerId = '', signature = ''] = match;
  return signaturesEqual(signature, hmacSignature(apiKey, body))
    ? { ok: true, customerId }
    : { ok: false, reason: 'forged' };
}
