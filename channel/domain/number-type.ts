// The type of an SMS number, checked before its format (R-NUM-2 as clarified): a short code or a
// toll-free number is "not supported in this release", never a format message about some country.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { NumberType } from './model';
import { checkNumberFormat, checkNumberType } from './sms-number';

/**
 * Undeclared, 3 to 6 digits read as a short code (5–6 in North America, 5 in the UK, 3–6 in most
 * countries). Longer short codes exist but a 7- or 8-digit entry is far more often a long code
 * missing digits, which deserves R-NUM-1's "too short for country …"; declare the type for those.
 */
const SHORT_CODE = /^[1-9]\d{2,5}$/;

/**
 * What the number is: the declared type, unless its digits say it is a short code (3 to 6 digits
 * that are no valid international number) or a toll-free number (the country's numbering plan,
 * e.g. +1 800/833/844/855/866/877/888). Declared `long-code` never hides either: the stricter
 * reading, because the product refuses them whatever the form says.
 */
export function numberTypeOf(raw: string, declared: NumberType = 'long-code'): NumberType {
  if (declared !== 'long-code') return declared;
  // Only a number written as digits is recognised; `1 425` is a long code being typed (R-NUM-1).
  if (!/^\d+$/.test(raw)) return declared;
  const parsed = parsePhoneNumberFromString(`+${raw}`);
  if (SHORT_CODE.test(raw) && !parsed?.isValid()) return 'short-code';
  if (parsed?.isValid() && parsed.getType() === 'TOLL_FREE') return 'toll-free';
  return declared;
}

export type SmsNumberCheck =
  | { ok: true; e164: string; country: string | null; type: 'long-code' }
  | { ok: false; problem: 'type' | 'format'; message: string };

/** The type first, then the format (R-NUM-2, R-NUM-1): one message, about the first problem. */
export function checkSmsNumber(raw: string, declared?: NumberType): SmsNumberCheck {
  const type = numberTypeOf(raw, declared);
  const refusal = checkNumberType(type);
  if (refusal) {
    const guessed = declared === undefined || declared === 'long-code';
    const why =
      guessed && type === 'short-code'
        ? `${raw} has ${raw.length} digits, so it is a short code. `
        : guessed
          ? `${raw} is a toll-free number. `
          : '';
    return { ok: false, problem: 'type', message: `${why}${refusal}` };
  }
  const format = checkNumberFormat(raw);
  return format.ok
    ? { ...format, type: 'long-code' }
    : { ok: false, problem: 'format', message: format.message };
}
