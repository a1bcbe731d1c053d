import { describe, expect, it } from 'vitest';
import { validateSend } from './send-request';

const BASE = { phone_number: '15555550100', message: 'Hi', message_type: 'OTP' };

describe('send request validation', () => {
  it('accepts the three required fields', () => {
    expect(validateSend(BASE)).toMatchObject({
      ok: true,
      value: { phoneNumber: '15555550100', senderId: null },
    });
  });

  it('reports every missing required field, phone number first', () => {
    const result = validateSend({});
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual([12000, 12009, 12017]);
  });

  it('reports a wrong type as the field being invalid, naming the type', () => {
    const result = validateSend({ ...BASE, message: ['a'] });
    expect(result.ok ? null : result.problems[0]).toEqual({
      code: 11009,
      description: 'Invalid value for parameter message: expected a string, got an array.',
    });
  });

  it('accepts a message of exactly 1600 characters', () => {
    expect(validateSend({ ...BASE, message: 'é'.repeat(1600) }).ok).toBe(true);
  });
});
