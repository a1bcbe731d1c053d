import { describe, expect, it } from 'vitest';
import { normaliseHandsetNumber, randomHandsetNumber } from './handset-number';

describe('handset numbers', () => {
  it('turns a typed international number into TeleSign digits', () => {
    expect(normaliseHandsetNumber('+1 (202) 555-0199')).toEqual({ ok: true, phone: '12025550199' });
  });

  it('accepts digits with the country code and no plus', () => {
    expect(normaliseHandsetNumber('447911123456')).toEqual({ ok: true, phone: '447911123456' });
  });

  it('refuses letters, saying which characters a number may have', () => {
    expect(normaliseHandsetNumber('call me')).toEqual({
      ok: false,
      message: 'A phone number has digits, spaces, + ( ) . - only.',
    });
  });

  it('refuses a number too short for its country', () => {
    expect(normaliseHandsetNumber('+1 202 555')).toEqual({
      ok: false,
      message:
        '+1 202 555 is not a valid phone number with its country code (e.g. +1 202 555 0199).',
    });
  });

  it('makes random numbers in the fictional 555-01xx range that are valid', () => {
    const phone = randomHandsetNumber(() => 0.5);
    expect(phone).toMatch(/^1\d{3}55501\d{2}$/);
    expect(normaliseHandsetNumber(phone)).toEqual({ ok: true, phone });
  });
});
