// The rules for SMS numbers: format (R-NUM-1) with one message per mistake, type (R-NUM-2), and E.164 matching (R-RT-1).
import {
  type CountryCode,
  ParseError,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
} from 'libphonenumber-js';
import metadata from 'libphonenumber-js/metadata.min.json';
import type { NumberType } from './model';

export type NumberCheck =
  | { ok: true; e164: string; country: string | null }
  | { ok: false; message: string };

const callingCodes = metadata.country_calling_codes as Record<string, string[]>;

/** The calling code at the start of `digits` (1 to 3 digits), if one exists. */
function callingCodeOf(digits: string): string | undefined {
  for (const length of [1, 2, 3]) {
    const code = digits.slice(0, length);
    if (callingCodes[code]) return code;
  }
  return undefined;
}

function countryLabel(callingCode: string, country?: CountryCode): string {
  const main = country ?? callingCodes[callingCode]?.[0];
  return main ? `${main} (+${callingCode})` : `+${callingCode}`;
}

const fail = (message: string): NumberCheck => ({ ok: false, message });

/** Checks `<country code><number>`, digits only (R-NUM-1); each kind of mistake gets its own message. */
export function checkNumberFormat(raw: string): NumberCheck {
  const value = raw;
  if (value.trim() === '') return fail('Enter the number as <country code><number>, digits only.');
  if (value.trimStart().startsWith('+'))
    return fail('Remove the leading +: enter <country code><number>, digits only.');
  if (/\s/.test(value)) return fail('Remove the spaces: enter the number as digits only.');
  if (/[-.]/.test(value))
    return fail('Remove the dashes and dots: enter the number as digits only.');
  if (/[()[\]]/.test(value)) return fail('Remove the brackets: enter the number as digits only.');
  if (/[a-z]/i.test(value)) return fail('Remove the letters: a number has digits only.');
  if (!/^\d+$/.test(value)) return fail('Remove the symbols: a number has digits only.');
  if (value.startsWith('0'))
    return fail('Start with the country code, not 0 or 00: enter <country code><number>.');
  if (value.length > 15)
    return fail(`Too long: an E.164 number has at most 15 digits, this has ${value.length}.`);
  const callingCode = callingCodeOf(value);
  if (!callingCode)
    return fail(`Unknown country code: no country uses the code at the start of ${value}.`);
  const e164 = `+${value}`;
  const length = validatePhoneNumberLength(e164);
  if (length === 'TOO_SHORT') return fail(`Too short for country ${countryLabel(callingCode)}.`);
  if (length === 'TOO_LONG') return fail(`Too long for country ${countryLabel(callingCode)}.`);
  if (length === 'INVALID_COUNTRY')
    return fail(`Unknown country code: +${callingCode} is not in use.`);
  if (length === 'INVALID_LENGTH')
    return fail(`Wrong length for country ${countryLabel(callingCode)}: check the digits.`);
  try {
    const parsed = parsePhoneNumberWithError(e164);
    if (!parsed.isValid())
      return fail(
        `Not a valid number for country ${countryLabel(callingCode, parsed.country)}: no such area or range.`,
      );
    return { ok: true, e164, country: parsed.country ?? null };
  } catch (error) {
    const reason = error instanceof ParseError ? error.message : 'unparseable';
    return fail(`Not a valid phone number (${reason}).`);
  }
}

/** Only long codes are supported in this release (R-NUM-2); returns the refusal message, or null. */
export function checkNumberType(type: NumberType): string | null {
  if (type === 'long-code') return null;
  const label = type === 'short-code' ? 'Short codes are' : 'Toll-free numbers are';
  return `${label} not supported in this release; use a long code.`;
}

/** A phone in CRM form (`+1 425-555-0123`) or TeleSign form (`14255550123`) as E.164, or null. */
export function toE164(phone: string): string | null {
  const digits = phone.replace(/[\s().-]/g, '');
  const withPlus = digits.startsWith('+') ? digits : `+${digits}`;
  if (!/^\+\d{2,15}$/.test(withPlus)) return null;
  try {
    return parsePhoneNumberWithError(withPlus).number;
  } catch {
    return withPlus;
  }
}

/** Whether two phones are the same number compared as E.164 (R-RT-1). */
export function sameNumber(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const left = toE164(a);
  return left !== null && left === toE164(b);
}
