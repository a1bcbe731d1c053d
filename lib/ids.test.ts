import { describe, expect, it } from 'vitest';
import { createRandomIds, createSeededIds } from './ids';

describe('ids', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createSeededIds('s1');
    const b = createSeededIds('s1');
    const c = createSeededIds('s2');
    const first = [a.referenceId(), a.id('cv'), a.token()];
    expect([b.referenceId(), b.id('cv'), b.token()]).toEqual(first);
    expect(c.referenceId()).not.toBe(first[0]);
  });

  it('formats reference ids as 32 upper-case hex digits and uuids as v4', () => {
    const ids = createRandomIds();
    expect(ids.referenceId()).toMatch(/^[0-9A-F]{32}$/);
    expect(ids.uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(ids.id('ws')).toMatch(/^ws_[0-9a-f]{12}$/);
  });
});

describe('random ids from a pool', () => {
  it('never repeats an id across refills of the pool', () => {
    const ids = createRandomIds();
    const seen = new Set(Array.from({ length: 2_000 }, () => ids.referenceId()));
    expect(seen.size).toBe(2_000);
  });
});
