import { describe, expect, it } from 'vitest';
import { describeSms } from '../../lib/sms-text';
import { smsCost } from './sms-cost';

describe('sms cost', () => {
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
    it(`agrees with describeSms on ${JSON.stringify(text.slice(0, 24))} (${text.length} units)`, () => {
      expect(smsCost(text)).toEqual(describeSms(text));
    });
  }
});
