import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  describeSms,
  exceedsSegments,
  segmentWithLibrary,
  truncateCodePoints,
} from './sms-text';

describe('SMS text (R-MSG-1, R-MSG-6)', () => {
  it('counts an emoji as one character although it is two UTF-16 units', () => {
    expect(codePointLength('😀'.repeat(1600))).toBe(1600);
    expect('😀'.repeat(1600).length).toBe(3200);
  });

  it('truncates on code points and never splits a surrogate pair', () => {
    expect(truncateCodePoints('a😀b', 2)).toBe('a😀');
  });

  it('uses GSM-7 with 160 characters in one segment and 153 per part after that', () => {
    expect(describeSms('a'.repeat(160))).toEqual({ chars: 160, encoding: 'GSM-7', segments: 1 });
    expect(describeSms('a'.repeat(161))).toMatchObject({ segments: 2 });
    expect(describeSms('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(describeSms('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts GSM extension characters twice', () => {
    expect(describeSms('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(describeSms('€'.repeat(81))).toMatchObject({ encoding: 'GSM-7', segments: 2 });
  });

  it('switches to UCS-2 with 70 characters in one segment and 67 per part', () => {
    expect(describeSms('Привет'.padEnd(70, 'я'))).toEqual({
      chars: 70,
      encoding: 'UCS-2',
      segments: 1,
    });
    expect(describeSms('я'.repeat(71))).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(describeSms('я'.repeat(134))).toMatchObject({ segments: 2 });
    expect(describeSms('я'.repeat(135))).toMatchObject({ segments: 3 });
  });
});

describe('the GSM-7 fast path', () => {
  const samples = [
    'Hello',
    'a'.repeat(160),
    'a'.repeat(161),
    'b'.repeat(306),
    'b'.repeat(307),
    'Prix: 10£ à Paris, ça va? ¿Qué tal? Ñandú §1 Δ',
    'Hello world & more=1+2 100%',
    'x'.repeat(1600),
    'with {braces} and € sign',
    'line\nbreak',
    'Grüße 👍',
    '',
  ];
  for (const text of samples) {
    it(`gives the library's answer for ${JSON.stringify(text.slice(0, 24))} (${text.length} units)`, () => {
      expect(describeSms(text)).toEqual(segmentWithLibrary(text));
    });
  }
});

describe('describing the same text twice', () => {
  it('answers the same, and a change to one answer does not reach the next', () => {
    const text = '😀 hello';
    const first = describeSms(text);
    first.segments = 99;
    expect(describeSms(text)).toEqual(segmentWithLibrary(text));
    expect(describeSms('😀 other')).toEqual(segmentWithLibrary('😀 other'));
  });
});

describe('telling whether a text takes more than some segments', () => {
  const texts = [
    'я'.repeat(134),
    'я'.repeat(135),
    'a'.repeat(306),
    'a'.repeat(307),
    `${'a'.repeat(133)}я`,
    `${'a'.repeat(134)}я`,
    `${'a'.repeat(300)}€`,
    `${'😀'.repeat(67)}`,
    `${'😀'.repeat(68)}`,
    'line\r\nbreak '.repeat(20),
  ];
  for (const text of texts) {
    it(`agrees with the library for ${JSON.stringify(text.slice(-12))} (${text.length} units)`, () => {
      expect(exceedsSegments(text, 2)).toBe(segmentWithLibrary(text).segments > 2);
    });
  }

  it('refuses a long GSM-7 text that ends in one UCS-2 character', () => {
    expect(exceedsSegments(`${'y'.repeat(255 * 153)}я`, 255)).toBe(true);
    expect(exceedsSegments('y'.repeat(255 * 153), 255)).toBe(false);
  });
});
