import { describe, expect, it } from 'vitest';
import { checkNumberFormat, checkNumberType, sameNumber, toE164 } from './sms-number';

const message = (raw: string): string => {
  const result = checkNumberFormat(raw);
  if (result.ok) throw new Error(`expected ${raw} to be refused`);
  return result.message;
};

describe('number format (R-NUM-1)', () => {
  it('accepts a valid US long code as digits only', () => {
    expect(checkNumberFormat('14255550123')).toEqual({
      ok: true,
      e164: '+14255550123',
      country: 'US',
    });
  });
  it('says to remove the leading +', () => {
    expect(message('+14255550123')).toMatch(/Remove the leading \+/);
  });
  it('says to remove spaces', () => {
    expect(message('1 425 555 0123')).toMatch(/Remove the spaces/);
  });
  it('says to remove dashes and dots', () => {
    expect(message('1-425-555-0123')).toMatch(/Remove the dashes and dots/);
    expect(message('1.425.555.0123')).toMatch(/Remove the dashes and dots/);
  });
  it('says to remove brackets', () => {
    expect(message('1(425)5550123')).toMatch(/Remove the brackets/);
  });
  it('says to remove letters', () => {
    expect(message('1425555CALL')).toMatch(/Remove the letters/);
  });
  it('names an unknown country code', () => {
    expect(message('99912345678')).toMatch(/Unknown country code/);
  });
  it('says too short for the country', () => {
    expect(message('1425555')).toBe('Too short for country US (+1).');
  });
  it('says too long for the country', () => {
    expect(message('14255550123456')).toBe('Too long for country US (+1).');
  });
  it('refuses more than 15 digits', () => {
    expect(message('1425555012345678')).toMatch(/at most 15 digits, this has 16/);
  });
  it('refuses a number with no such range in its country', () => {
    expect(message('15551234567')).toMatch(/Not a valid number for country US \(\+1\)/);
  });
  it('refuses an empty number', () => {
    expect(message('')).toMatch(/<country code><number>/);
  });
  it('gives each kind of mistake a distinct message', () => {
    const messages = [
      '+14255550123',
      '1 4255550123',
      '1-4255550123',
      '1(425)5550123',
      '1425x',
      '99912345678',
      '1425555',
    ].map(message);
    expect(new Set(messages).size).toBe(messages.length);
  });
});

describe('number type (R-NUM-2)', () => {
  it('accepts a long code', () => {
    expect(checkNumberType('long-code')).toBeNull();
  });
  it('refuses short codes and toll-free numbers as not supported in this release', () => {
    expect(checkNumberType('short-code')).toMatch(/not supported in this release/);
    expect(checkNumberType('toll-free')).toMatch(/not supported in this release/);
  });
});

describe('E.164 matching (R-RT-1)', () => {
  it('matches the CRM form +<cc><number> with TeleSign digits', () => {
    expect(sameNumber('+14255550123', '14255550123')).toBe(true);
  });
  it('matches a CRM phone written with spaces and dashes', () => {
    expect(sameNumber('+1 425-555-0123', '14255550123')).toBe(true);
  });
  it('does not match different numbers', () => {
    expect(sameNumber('+14255550124', '14255550123')).toBe(false);
  });
  it('treats missing phones as no match', () => {
    expect(sameNumber(undefined, '14255550123')).toBe(false);
    expect(toE164('not a phone')).toBeNull();
  });
});

describe('number format messages, one per mistake, at their edges (R-NUM-1)', () => {
  it('asks for a number when only spaces were typed', () => {
    expect(message('   ')).toBe('Enter the number as <country code><number>, digits only.');
  });
  it('says to remove a leading + even after a space', () => {
    expect(message(' +14255550123')).toBe(
      'Remove the leading +: enter <country code><number>, digits only.',
    );
  });
  it('says to remove symbols at the start or the end', () => {
    const symbols = 'Remove the symbols: a number has digits only.';
    expect(message('#14255550123')).toBe(symbols);
    expect(message('14255550123#')).toBe(symbols);
  });
  it('says to start with the country code, not 0', () => {
    expect(message('014255550123')).toBe(
      'Start with the country code, not 0 or 00: enter <country code><number>.',
    );
  });
  it('judges a 15-digit number by its country, not by the E.164 maximum', () => {
    expect(message('142555501234567')).toBe('Too long for country US (+1).');
  });
  it('names the code no country uses', () => {
    expect(message('99912345678')).toBe(
      'Unknown country code: no country uses the code at the start of 99912345678.',
    );
  });
  it('says a length no number of the country has is wrong', () => {
    expect(message('755555555555')).toBe('Wrong length for country RU (+7): check the digits.');
  });
  it('reads a two-digit country code', () => {
    expect(checkNumberFormat('4915112345678')).toMatchObject({ ok: true, country: 'DE' });
  });
});

describe('E.164 matching at its edges (R-RT-1)', () => {
  it('refuses anything but digits around a leading +', () => {
    expect(toE164('a+14255550123')).toBeNull();
    expect(toE164('14255550123abc')).toBeNull();
    expect(toE164('1425555012345678')).toBeNull();
  });
  it('keeps a number libphonenumber cannot parse as +digits', () => {
    expect(toE164('99912345')).toBe('+99912345');
  });
  it('never matches two things that are not phones', () => {
    expect(sameNumber('abc', 'xyz')).toBe(false);
  });
});
