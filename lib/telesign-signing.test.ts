import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { hmacSignature, stringToSign, verifyCallback } from './telesign-signing';

const require = createRequire(import.meta.url);
const { generateTeleSignHeaders } = require('telesignsdk/src/RestClient.js') as {
  generateTeleSignHeaders: (...args: unknown[]) => Record<string, string>;
};

const CID = 'FFFFFFFF-EEEE-DDDD-1234-AB1234567890';
const KEY = 'VGVzdCBLZXk=';
const DATE = 'Wed, 14 Dec 2016 18:20:12 GMT';
const NONCE = 'A1592C6F-E384-4CDB-BC42-C3AB970369E9';

const sign = (method: string, contentType: string, body: string | undefined, key = KEY) =>
  hmacSignature(
    key,
    stringToSign({
      method,
      contentType,
      date: DATE,
      authMethod: 'HMAC-SHA256',
      nonce: NONCE,
      body,
      resource: '/v1/resource',
    }),
  );

describe('TeleSign request signing (known-answer vectors of the SDK test-suite)', () => {
  it('signs a form POST exactly as the SDK does', () => {
    expect(sign('POST', 'application/x-www-form-urlencoded', 'test=param')).toBe(
      'vXw/XzywdhgfEG2/zWLaFp7oXmjLB8iJDMndvDbZMjk=',
    );
  });

  it('signs a percent-encoded non-ASCII body exactly as the SDK does', () => {
    expect(sign('POST', 'application/x-www-form-urlencoded', 'test=%CF%BF')).toBe(
      'lPpGXw4jTRdaEp2obzYAD5rR+2aWDInJ8ThLbq0nTGU=',
    );
  });

  it('signs a GET with an empty content type and no body line', () => {
    expect(sign('GET', '', undefined)).toBe('wscyrZZtA7kdXu0i4D5KXyDmBcwH52JF1feiEKp+ir0=');
  });

  it('decodes a key that is not valid base64 leniently, as Node does', () => {
    expect(sign('POST', 'application/json', '{"key":"value"}', 'yourApiKey')).toBe(
      'q5n15bclH8MY7OmbZnuVxwb9uivpmafJAlLcFnN/U8A=',
    );
  });

  it('agrees with the official SDK header generator', () => {
    const headers = generateTeleSignHeaders(
      CID,
      KEY,
      'POST',
      '/v1/messaging',
      'application/x-www-form-urlencoded',
      'phone_number=15555550100&message=a%26b',
      DATE,
      NONCE,
      null,
    );
    const ours = hmacSignature(
      KEY,
      stringToSign({
        method: 'POST',
        contentType: 'application/x-www-form-urlencoded',
        date: DATE,
        authMethod: 'HMAC-SHA256',
        nonce: NONCE,
        body: 'phone_number=15555550100&message=a%26b',
        resource: '/v1/messaging',
      }),
    );
    expect(headers.Authorization).toBe(`TSA ${CID}:${ours}`);
  });

  it('puts an x-ts-date line after the auth method and leaves the Date line empty', () => {
    expect(
      stringToSign({
        method: 'get',
        contentType: '',
        xTsDate: 'Thu, 15 May 2014 18:33:15 +0000',
        resource: '/v1/x',
      }),
    ).toBe('GET\n\n\nx-ts-date:Thu, 15 May 2014 18:33:15 +0000\n/v1/x');
  });
});

describe('TeleSign callback signing', () => {
  const body =
    '{"status":{"code":200,"description":"Delivered to handset","updated_on":"2016-10-21T14:05:36.181346Z"},"reference_id":"0123456789ABCDEF0123456789ABCDEF","external_id":null}';

  it('signs only the raw body (reference vector)', () => {
    expect(hmacSignature(KEY, body)).toBe('bhr01+hwhevee4U6MZ4Ex/dc7cRoasxJaTWEkHKmOXo=');
  });

  it('accepts a correct signature and refuses a forged, malformed or missing one', () => {
    const good = `TSA ${CID}:bhr01+hwhevee4U6MZ4Ex/dc7cRoasxJaTWEkHKmOXo=`;
    expect(verifyCallback(good, body, KEY)).toEqual({ ok: true, customerId: CID });
    expect(verifyCallback(good, `${body} `, KEY)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyCallback('Bearer x', body, KEY)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyCallback(undefined, body, KEY)).toEqual({ ok: false, reason: 'missing' });
  });
});
