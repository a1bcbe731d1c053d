import { describe, expect, it } from 'vitest';
import { checkSmsNumber, numberTypeOf } from './number-type';

describe('R-NUM-2: the type is checked before the format', () => {
  it('R-NUM-2: refuses a declared short code as not supported, never with a country format message', () => {
    const check = checkSmsNumber('22395', 'short-code');
    expect(check).toEqual({
      ok: false,
      problem: 'type',
      message: 'Short codes are not supported in this release; use a long code.',
    });
  });
  it('R-NUM-2: recognises an undeclared five-digit short code by its digits', () => {
    const check = checkSmsNumber('22395');
    expect(check).toMatchObject({ ok: false, problem: 'type' });
    if (check.ok) return;
    expect(check.message).toBe(
      '22395 has 5 digits, so it is a short code. Short codes are not supported in this release; use a long code.',
    );
    expect(check.message).not.toMatch(/country/);
  });
  it('R-NUM-2: recognises a toll-free number declared as a long code', () => {
    expect(checkSmsNumber('18885550100', 'long-code')).toMatchObject({
      ok: false,
      problem: 'type',
      message: expect.stringContaining('Toll-free numbers are not supported in this release'),
    });
    expect(numberTypeOf('448001234567')).toBe('toll-free');
  });
  it('R-NUM-2: a short code written with punctuation is still refused for its type first', () => {
    expect(checkSmsNumber('223-95', 'short-code')).toMatchObject({ problem: 'type' });
  });
  it('keeps a valid long code a long code, and a seven-digit valid number (Niue) is no short code', () => {
    expect(checkSmsNumber('14155550100')).toEqual({
      ok: true,
      e164: '+14155550100',
      country: 'US',
      type: 'long-code',
    });
    expect(numberTypeOf('6834002')).toBe('long-code');
  });
  it('still gives the format message when the type is a long code (R-NUM-1)', () => {
    expect(checkSmsNumber('+14155550100')).toMatchObject({
      ok: false,
      problem: 'format',
      message: expect.stringMatching(/Remove the leading \+/),
    });
  });
});
