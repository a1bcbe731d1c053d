import { describe, expect, it } from 'vitest';
import { allDifferences, firstDifference } from './match';

describe('matching expectations', () => {
  it('accepts a found object that has more fields than expected', () => {
    expect(firstDifference({ state: 'open' }, { state: 'open', id: 'cv_1' })).toBeNull();
  });
  it('names the path of the first difference', () => {
    expect(firstDifference({ a: [{ b: 1 }] }, { a: [{ b: 2 }] })).toEqual({
      path: 'a[0].b',
      expected: 1,
      found: 2,
    });
  });
  it('compares list lengths exactly', () => {
    expect(firstDifference([1], [1, 2])?.path).toBe('.length');
  });
  it('matches a substring with contains', () => {
    expect(
      firstDifference({ m: { contains: 'leading +' } }, { m: 'Remove the leading +.' }),
    ).toBeNull();
  });
  it('fails excludes when the secret appears anywhere inside', () => {
    expect(firstDifference({ excludes: 'S3cr3t' }, { sms: { key: 'xS3cr3tx' } })?.path).toBe('');
    expect(firstDifference({ excludes: 'S3cr3t' }, { sms: { key: '••••cr3t' } })).toBeNull();
  });
  it('lists every difference for replay diffs', () => {
    expect(allDifferences({ a: 1, b: [1, 2] }, { a: 2, b: [1] }).map((d) => d.path)).toEqual([
      'a',
      'b[1]',
    ]);
  });
});
