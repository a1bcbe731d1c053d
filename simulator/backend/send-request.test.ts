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
      hint: 'message: expected a string, got an array',
    });
  });

  it('keeps a note, not a refusal, for a loopback http callback_url', () => {
    const result = validateSend({ ...BASE, callback_url: 'http://127.0.0.1:9/dlr' });
    expect(result.ok && result.notes[0]).toMatch(/TeleSign would refuse it/);
  });

  it('refuses an http callback_url on a public host with 11004', () => {
    const result = validateSend({ ...BASE, callback_url: 'http://example.com/dlr' });
    expect(result.ok ? null : result.problems[0]?.code).toBe(11004);
  });

  it('accepts a message of exactly 1600 characters', () => {
    expect(validateSend({ ...BASE, message: 'é'.repeat(1600) }).ok).toBe(true);
  });
});
