import { describe, expect, it } from 'vitest';
import { effectivePresence } from './presence';

describe('presence follows capacity (R-AG-2)', () => {
  it('is Available when nothing is used', () => {
    expect(effectivePresence('busy', 0, 100)).toBe('available');
  });
  it('is Busy when some capacity is used', () => {
    expect(effectivePresence('available', 30, 100)).toBe('busy');
  });
  it('is Busy-DND when all capacity is used', () => {
    expect(effectivePresence('available', 100, 100)).toBe('busy-dnd');
  });
  it('keeps Away and Offline whatever the load', () => {
    expect(effectivePresence('away', 30, 100)).toBe('away');
    expect(effectivePresence('offline', 0, 100)).toBe('offline');
  });
});
