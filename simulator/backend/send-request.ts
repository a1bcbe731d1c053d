// Validates the fields of POST /v1/messaging with TeleSign's parameter error codes.
import { isIP } from 'node:net';
import { getCountries, getCountryCallingCode } from 'libphonenumber-js';
import { codePointLength, MAX_MESSAGE_CHARS } from '../../lib/sms-text';
import type { TeleSignProblem } from '../errors/telesign-codes';
import { checkCallbackUrl } from './callback-url-rule';

export interface SendRequest {
  phoneNumber: string;
  message: string;
  messageType: 'OTP' | 'ARN' | 'MKT';
  senderId: string | null;
  externalId: string | null;
  callbackUrl: string | null;
}

export type SendVerdict =
  | { ok: true; value: SendRequest; notes: string[] }
  | { ok: false; problems: TeleSignProblem[]; externalId: string | null };

const CALLING_CODES = new Set(getCountries().map((c) => String(getCountryCallingCode(c))));
const MESSAGE_TYPES = ['OTP', 'ARN', 'MKT'] as const;
const LIFECYCLE_EVENTS = ['create', 'sign-in', 'transact', 'update', 'delete'];

function hasCallingCode(digits: string): boolean {
  return [1, 2, 3].some((n) => CALLING_CODES.has(digits.slice(0, n)));
}

/** First problem per field, in TeleSign's order: phone_number, message, message_type, optional ones. */
export function validateSend(fields: Record<string, unknown>): SendVerdict {
  const problems: TeleSignProblem[] = [];
  const notes: string[] = [];
  const text = (name: string, invalid: TeleSignProblem['code']): string | undefined => {
    const value = fields[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      problems.push({
        code: invalid,
        hint: `${name}: expected a string, got ${Array.isArray(value) ? 'an array' : typeof value}`,
      });
      return undefined;
    }
    return value;
  };
  const invalid = (code: TeleSignProblem['code'], hint: string): void => {
    problems.push({ code, hint });
  };

  const before = problems.length;
  const phone = text('phone_number', 11000);
  if (phone === undefined || phone === '') {
    if (problems.length === before) invalid(12000, 'phone_number is required');
  } else if (!/^[1-9][0-9]{6,14}$/.test(phone)) {
    invalid(
      11000,
      'phone_number: use 7 to 15 digits starting with the country code, without "+", spaces or punctuation',
    );
  } else if (!hasCallingCode(phone)) {
    invalid(11001, `phone_number: ${phone} does not start with a known country calling code`);
  }

  const mark = problems.length;
  const message = text('message', 11009);
  if (message === undefined || message === '') {
    if (problems.length === mark) invalid(12009, 'message is required');
  } else if (codePointLength(message) > MAX_MESSAGE_CHARS) {
    invalid(
      11009,
      `message: ${codePointLength(message)} characters, the limit is ${MAX_MESSAGE_CHARS}`,
    );
  }

  const mark2 = problems.length;
  const messageType = text('message_type', 11017);
  if (messageType === undefined || messageType === '') {
    if (problems.length === mark2) invalid(12017, 'message_type is required');
  } else if (!(MESSAGE_TYPES as readonly string[]).includes(messageType)) {
    invalid(11017, `message_type: "${messageType}" is not one of OTP, ARN, MKT`);
  }

  const senderId = text('sender_id', 11013);
  if (
    senderId !== undefined &&
    (senderId.length === 0 || senderId.length > 20 || !/^[A-Za-z0-9 ]+$/.test(senderId))
  ) {
    invalid(11013, 'sender_id: 1 to 20 letters, digits or spaces');
  }
  const externalId = text('external_id', 11016);
  if (externalId !== undefined && (externalId.length === 0 || externalId.length > 100)) {
    invalid(11016, 'external_id: 1 to 100 characters');
  }
  const callbackUrl = text('callback_url', 11004);
  if (callbackUrl !== undefined) {
    const verdict = checkCallbackUrl(callbackUrl);
    if (!verdict.ok) invalid(11004, verdict.hint);
    else if (verdict.note) notes.push(verdict.note);
  }
  const lifecycle = text('account_lifecycle_event', 11003);
  if (lifecycle !== undefined && !LIFECYCLE_EVENTS.includes(lifecycle)) {
    invalid(11003, `account_lifecycle_event: one of ${LIFECYCLE_EVENTS.join(', ')}`);
  }
  const ip = text('originating_ip', 11010);
  if (ip !== undefined && isIP(ip) === 0) {
    invalid(11010, 'originating_ip: an IPv4 or IPv6 address');
  }

  if (problems.length > 0)
    return {
      ok: false,
      problems,
      externalId: problems.some((p) => p.code === 11016) ? null : (externalId ?? null),
    };
  return {
    ok: true,
    notes,
    value: {
      phoneNumber: phone ?? '',
      message: message ?? '',
      messageType: messageType as SendRequest['messageType'],
      senderId: senderId ?? null,
      externalId: externalId ?? null,
      callbackUrl: callbackUrl ?? null,
    },
  };
}
