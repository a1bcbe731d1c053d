import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration';

describe('durations', () => {
  it('reads hours and minutes together', () => {
    expect(parseDuration('7h59m')).toBe((7 * 60 + 59) * 60_000);
  });
  it('reads milliseconds, seconds and days', () => {
    expect(parseDuration('1d 2s 5ms')).toBe(86_400_000 + 2005);
  });
  it('refuses text that is not a duration', () => {
    expect(parseDuration('8 hours')).toBeNull();
    expect(parseDuration('')).toBeNull();
  });
  it('writes largest units first', () => {
    expect(formatDuration(8 * 3_600_000 + 60_000)).toBe('8h1m');
  });
});
