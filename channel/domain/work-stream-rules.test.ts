import { describe, expect, it } from 'vitest';
import { HOUR_MS } from './model';
import {
  checkWorkStreamFields,
  maskApiKey,
  missingForRouting,
  routingReadinessError,
} from './work-stream-rules';

const refusal = (fields: Parameters<typeof checkWorkStreamFields>[0]) => {
  try {
    checkWorkStreamFields(fields);
    return null;
  } catch (e) {
    return e;
  }
};

describe('work stream fields (R-WS-1)', () => {
  it('refuses more than 1000 capacity units per conversation, saying why', () => {
    expect(refusal({ capacityUnits: 1e9 })).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'capacityUnits',
      message:
        'Capacity units per conversation must be a whole number from 1 to 1000: a conversation needing more capacity than an agent has could never be assigned.',
    });
  });
  it('accepts 1000 capacity units per conversation', () => {
    expect(refusal({ capacityUnits: 1000 })).toBeNull();
  });
  it('refuses an empty name', () => {
    expect(refusal({ name: '  ' })).toMatchObject({
      code: 'WORK_STREAM_NAME_INVALID',
      field: 'name',
      message: 'A work stream name has 1 to 100 characters; this one has 0.',
    });
  });
  it('refuses a name over 100 characters', () => {
    expect(refusal({ name: 'x'.repeat(101) })).toMatchObject({
      code: 'WORK_STREAM_NAME_INVALID',
      message: 'A work stream name has 1 to 100 characters; this one has 101.',
    });
  });
  it('accepts 100 characters', () => {
    expect(refusal({ name: 'x'.repeat(100) })).toBeNull();
  });
  it('refuses an unknown presence', () => {
    expect(refusal({ allowedPresences: ['sleepy' as 'away'] })).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'allowedPresences',
    });
  });
});

describe('auto-close minimum (R-WS-2)', () => {
  it('refuses less than 8 hours naming the minimum', () => {
    expect(refusal({ autoCloseAfterInactivityMs: 7 * HOUR_MS })).toMatchObject({
      code: 'AUTO_CLOSE_TOO_SHORT',
      field: 'autoCloseAfterInactivityMs',
      message:
        'Auto-close after inactivity for SMS must be at least 8 hours (28800000 ms); got 7 hours.',
    });
  });
  it('accepts exactly 8 hours', () => {
    expect(refusal({ autoCloseAfterInactivityMs: 8 * HOUR_MS })).toBeNull();
  });
});

describe('routing readiness (R-WS-6) and key masking (R-WS-3)', () => {
  it('lists everything missing', () => {
    expect(missingForRouting({ sms: {} })).toEqual(['customerId', 'apiKey', 'number']);
  });
  it('says which part is missing', () => {
    expect(routingReadinessError({ sms: { customerId: 'c', apiKey: 'k' } })).toMatchObject({
      code: 'SMS_SETTINGS_INCOMPLETE',
      message: 'The work stream cannot route SMS yet: add number.',
    });
  });
  it('shows only the last 4 characters of the API key', () => {
    expect(maskApiKey('c2VjcmV0LWtleS1YazE=')).toBe('••••••••azE=');
  });
});

describe('work stream field limits, at their edges', () => {
  it('refuses zero and fractional capacity units, and accepts exactly 1', () => {
    expect(refusal({ capacityUnits: 0 })).toMatchObject({ field: 'capacityUnits' });
    expect(refusal({ capacityUnits: 1.5 })).toMatchObject({ field: 'capacityUnits' });
    expect(refusal({ capacityUnits: 1 })).toBeNull();
  });
  it('refuses an empty list of allowed presences, naming the ones there are', () => {
    expect(refusal({ allowedPresences: [] })).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'allowedPresences',
      message:
        'Allowed presences must be a non-empty list of available, busy, busy-dnd, away, offline.',
    });
    expect(refusal({ allowedPresences: ['available'] })).toBeNull();
  });
  it('refuses an offer timeout under a second or not finite, and accepts exactly one second', () => {
    const tooShort = {
      code: 'VALIDATION_FAILED',
      field: 'offerTimeoutMs',
      message: 'The offer timeout must be at least 1000 ms.',
    };
    expect(refusal({ offerTimeoutMs: 999 })).toMatchObject(tooShort);
    expect(refusal({ offerTimeoutMs: Number.POSITIVE_INFINITY })).toMatchObject(tooShort);
    expect(refusal({ offerTimeoutMs: 1000 })).toBeNull();
    expect(refusal({ offerTimeoutMs: 120_000 })).toBeNull();
  });
  it('accepts a work stream that has everything routing needs', () => {
    const ready = { sms: { customerId: 'C', apiKey: 'K' }, number: '14155550100' };
    expect(missingForRouting(ready as never)).toEqual([]);
    expect(routingReadinessError(ready as never)).toBeNull();
  });
  it('names a missing number alone when the settings are complete', () => {
    const noNumber = { sms: { customerId: 'C', apiKey: 'K' }, number: undefined };
    expect(routingReadinessError(noNumber as never)).toMatchObject({
      code: 'SMS_SETTINGS_INCOMPLETE',
      field: 'number',
      message: 'The work stream cannot route SMS yet: add number.',
    });
  });
  it('shows no key when there is none, and never more than a quarter of a short key', () => {
    expect(maskApiKey(undefined)).toBeNull();
    expect(maskApiKey('')).toBeNull();
    expect(maskApiKey('abc')).toBe('••••••••');
    expect(maskApiKey('abcdefgh')).toBe('••••••••gh');
    expect(maskApiKey('abcdefghijklmnopqrstuvwxyz')).toBe('••••••••wxyz');
  });
});
