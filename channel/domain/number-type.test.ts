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

describe('R-NUM-2: how the type is read from the digits', () => {
  it('R-NUM-2: keeps a declared type whatever the digits say', () => {
    expect(numberTypeOf('14155550100', 'toll-free')).toBe('toll-free');
    expect(numberTypeOf('22395', 'short-code')).toBe('short-code');
  });
  it('R-NUM-2: reads only digits: a number being typed stays what was declared', () => {
    expect(numberTypeOf('+22395')).toBe('long-code');
    expect(numberTypeOf('22395 ')).toBe('long-code');
  });
  it('R-NUM-2: reads 3 to 6 digits as a short code, and 7 digits or a leading 0 not', () => {
    expect(numberTypeOf('223')).toBe('short-code');
    expect(numberTypeOf('223956')).toBe('short-code');
    expect(numberTypeOf('2239567')).toBe('long-code');
    expect(numberTypeOf('02239')).toBe('long-code');
  });
  it('R-NUM-2: explains a recognised short code by its digit count, a toll-free number by its plan', () => {
    expect(checkSmsNumber('22395')).toEqual({
      ok: false,
      problem: 'type',
      message:
        '22395 has 5 digits, so it is a short code. Short codes are not supported in this release; use a long code.',
    });
    expect(checkSmsNumber('18005550100')).toEqual({
      ok: false,
      problem: 'type',
      message:
        '18005550100 is a toll-free number. Toll-free numbers are not supported in this release; use a long code.',
    });
    expect(checkSmsNumber('18005550100', 'toll-free')).toEqual({
      ok: false,
      problem: 'type',
      message: 'Toll-free numbers are not supported in this release; use a long code.',
    });
  });
});
