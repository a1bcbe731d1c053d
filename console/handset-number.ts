// Numbers for new handsets: a typed one normalised to TeleSign's digits, or a random realistic one.
import { parsePhoneNumberFromString } from 'libphonenumber-js';

const AREA_CODES = ['202', '212', '305', '312', '415', '512', '617', '646', '702', '206'];

export type NumberOutcome = { ok: true; phone: string } | { ok: false; message: string };

/** `+1 (202) 555-0199`, `12025550199` → `12025550199`; refuses what is not a valid phone number. */
export function normaliseHandsetNumber(input: string): NumberOutcome {
  const trimmed = input.trim();
  if (trimmed === '')
    return { ok: false, message: 'Type a phone number, or leave it blank for a random one.' };
  if (/[^\d\s+().-]/.test(trimmed)) {
    return { ok: false, message: 'A phone number has digits, spaces, + ( ) . - only.' };
  }
  const international = trimmed.startsWith('+') ? trimmed : `+${trimmed.replace(/\D/g, '')}`;
  const parsed = parsePhoneNumberFromString(international);
  if (!parsed?.isValid()) {
    return {
      ok: false,
      message: `${trimmed} is not a valid phone number with its country code (e.g. +1 202 555 0199).`,
    };
  }
  return { ok: true, phone: parsed.number.replace(/^\+/, '') };
}

/** A US number in the 555-01xx range kept for fiction, so it never reaches a real person. */
export function randomHandsetNumber(random: () => number = Math.random): string {
  const area = AREA_CODES[Math.floor(random() * AREA_CODES.length)] ?? '202';
  const line = String(100 + Math.floor(random() * 100)).padStart(4, '0');
  return `1${area}555${line}`;
}
