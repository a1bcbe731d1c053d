import { describe, expect, it } from 'vitest';
import { hmacSignature, stringToSign } from '../../lib/telesign-signing';
import { defaultSettings } from './account-settings';
import { authenticate, parseAuthorization } from './authenticate';
import { createNonceCache } from './nonce-cache';
import type { AccountRecord } from './world-store';

const account: AccountRecord = {
  customerId: 'FFFFFFFF-EEEE-DDDD-1234-AB1234567890',
  apiKey: 'VGVzdCBLZXk=',
  callbackUrl: null,
  createdAt: '',
  rateLimitPerSecond: null,
  delivery: null,
  settings: defaultSettings(),
};
const NOW = Date.parse('Wed, 14 Dec 2016 18:20:12 GMT');
const options = (acceptWallClock = false) => ({
  findAccount: (cid: string) => (cid.toUpperCase() === account.customerId ? account : undefined),
  now: () => NOW,
  nonces: createNonceCache(() => NOW, 60_000),
  toleranceMs: 15 * 60_000,
  acceptWallClock,
});
const signed = (date: string) => {
  const parts = {
    method: 'GET',
    contentType: '',
    date,
    authMethod: 'HMAC-SHA256',
    nonce: 'n1',
    resource: '/v1/messaging/X',
  };
  return {
    ...parts,
    body: '',
    authorization: `TSA ${account.customerId}:${hmacSignature(account.apiKey, stringToSign(parts))}`,
  };
};

describe('authenticate', () => {
  it('accepts a correctly signed GET', () => {
    expect(authenticate(signed('Wed, 14 Dec 2016 18:20:12 GMT'), options())).toMatchObject({
      ok: true,
      scheme: 'TSA',
    });
  });

  it('accepts a lower-case customer id of an existing account', () => {
    const request = signed('Wed, 14 Dec 2016 18:20:12 GMT');
    request.authorization = request.authorization.replace('AB1234567890', 'ab1234567890');
    expect(authenticate(request, options()).ok).toBe(true);
  });

  it('refuses a date 16 minutes off the clock with 10004', () => {
    const result = authenticate(signed('Wed, 14 Dec 2016 18:36:13 GMT'), options());
    expect(result.ok ? null : result.problem.code).toBe(10004);
  });

  it('accepts a wall-clock date when told to, though the clock is elsewhere', () => {
    const result = authenticate(signed(new Date().toUTCString()), options(true));
    expect(result.ok).toBe(true);
  });

  it('parses Basic credentials whose key contains a colon-free base64 password', () => {
    const header = `Basic ${Buffer.from(`${account.customerId}:${account.apiKey}`).toString('base64')}`;
    expect(parseAuthorization(header)).toEqual({
      scheme: 'Basic',
      customerId: account.customerId,
      apiKey: account.apiKey,
    });
  });
});
