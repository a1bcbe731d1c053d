import { describe, expect, it } from 'vitest';
import { charCount, checkOutboundText, inboundTranscriptText } from './message-rules';

const refusal = (text: string) => {
  try {
    checkOutboundText(text);
    return null;
  } catch (e) {
    return e;
  }
};

describe('message limits (R-MSG-1, R-MSG-2)', () => {
  it('counts an emoji as one character', () => {
    expect(charCount('😀')).toBe(1);
  });
  it('allows exactly 1600 characters', () => {
    expect(refusal('a'.repeat(1600))).toBeNull();
  });
  it('allows 1599 characters', () => {
    expect(refusal('a'.repeat(1599))).toBeNull();
  });
  it('refuses 1601 characters naming the limit and the length', () => {
    expect(refusal('a'.repeat(1601))).toMatchObject({
      code: 'MESSAGE_TOO_LONG',
      message: 'A message has at most 1600 characters; this one has 1601.',
    });
  });
  it('allows 1600 emoji though they are 3200 UTF-16 units', () => {
    expect(refusal('😀'.repeat(1600))).toBeNull();
  });
  it('refuses 1601 emoji', () => {
    expect(refusal('😀'.repeat(1601))).toMatchObject({ code: 'MESSAGE_TOO_LONG' });
  });
});

describe('empty messages (R-MSG-4)', () => {
  it('refuses whitespace-only text', () => {
    expect(refusal(' \n\t')).toMatchObject({
      code: 'MESSAGE_EMPTY',
      message: 'A message cannot be empty or only whitespace.',
    });
  });
});

describe('long inbound messages (R-MSG-3)', () => {
  it('keeps 1600 characters untouched', () => {
    expect(inboundTranscriptText('a'.repeat(1600))).toMatchObject({
      truncated: false,
      originalChars: 1600,
    });
  });
  it('keeps the first 1600 characters and marks them truncated', () => {
    const kept = inboundTranscriptText(`${'😀'.repeat(1600)}b`);
    expect(kept).toEqual({ text: '😀'.repeat(1600), truncated: true, originalChars: 1601 });
  });
});

describe('refusing an empty agent message (R-MSG-4)', () => {
  it('names the text field and the error, for spaces only too', () => {
    for (const text of ['', '   \n']) {
      expect(() => checkOutboundText(text)).toThrow(
        expect.objectContaining({ code: 'MESSAGE_EMPTY', field: 'text', name: 'ChannelError' }),
      );
    }
  });
  it('names the text field of a message over 1600 characters', () => {
    expect(() => checkOutboundText('a'.repeat(1601))).toThrow(
      expect.objectContaining({
        code: 'MESSAGE_TOO_LONG',
        field: 'text',
        details: expect.objectContaining({ limit: 1600, length: 1601 }),
      }),
    );
  });
});
