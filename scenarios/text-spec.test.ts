import { describe, expect, it } from 'vitest';
import { codePointLength } from '../lib/sms-text';
import { describeText, renderText } from './text-spec';

describe('generated texts', () => {
  it('repeats an emoji by code points, not UTF-16 units', () => {
    const text = renderText({ repeat: '😀', times: 1600 });
    expect(codePointLength(text)).toBe(1600);
    expect(text.length).toBe(3200);
  });
  it('joins parts in order', () => {
    expect(renderText({ concat: [{ repeat: 'я', times: 2 }, '語'] })).toBe('яя語');
  });
  it('labels a generated text briefly for reports', () => {
    expect(describeText({ repeat: 'a', times: 1601 })).toBe('1601 × a');
  });
});
