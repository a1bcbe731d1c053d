import { describe, expect, it } from 'vitest';
import { describeSms } from '../lib/sms-text';
import { measureDraft } from './measure';

describe('measuring a draft', () => {
  it('counts 1600 emoji as the channel records them (49 UCS-2 segments), not as the old page did (48)', () => {
    const text = '😀'.repeat(1600);
    const figures = measureDraft(text);
    expect(figures).toMatchObject({ chars: 1600, segments: 49, encoding: 'UCS-2', over: false });
    expect(figures.segments).toBe(describeSms(text).segments);
    expect(figures.cost).toBe('49 segments · UCS-2');
  });

  it('says why a draft over the limit cannot be sent (R-MSG-2)', () => {
    const figures = measureDraft('a'.repeat(1601));
    expect(figures.over).toBe(true);
    expect(figures.counter).toBe('1601 / 1600');
    expect(figures.error).toBe('Too long: 1601 characters; the limit is 1600 (R-MSG-2).');
  });
});
