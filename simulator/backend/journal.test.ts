import { describe, expect, it } from 'vitest';
import { createJournal } from './journal';

describe('journal', () => {
  it('numbers entries in order and stamps them with the clock', () => {
    const journal = createJournal(() => Date.UTC(2026, 0, 1));
    journal.record({ kind: 'control', detail: 'a' });
    const entry = journal.record({ kind: 'api', detail: 'b' });
    expect(entry).toEqual({ seq: 2, at: '2026-01-01T00:00:00.000Z', kind: 'api', detail: 'b' });
  });

  it('keeps only the last entries beyond its capacity', () => {
    const journal = createJournal(() => 0, 10);
    for (let i = 0; i < 50; i++) journal.record({ kind: 'state', detail: String(i) });
    const kept = journal.list();
    expect(kept).toHaveLength(10);
    expect(kept.at(-1)?.detail).toBe('49');
  });

  it('keeps only the entries about one handset when asked by phone', () => {
    const journal = createJournal(() => 0);
    journal.record({ kind: 'api', phone: '12025550101', detail: 'to the first' });
    journal.record({ kind: 'api', phone: '12025550102', detail: 'to the second' });
    journal.record({ kind: 'control', detail: 'no phone' });
    expect(journal.list({ phone: '12025550102' }).map((e) => e.detail)).toEqual(['to the second']);
  });

  it('tells subscribers about each new entry', () => {
    const journal = createJournal(() => 0);
    const seen: string[] = [];
    const stop = journal.subscribe((e) => seen.push(e.detail));
    journal.record({ kind: 'state', detail: 'one' });
    stop();
    journal.record({ kind: 'state', detail: 'two' });
    expect(seen).toEqual(['one']);
  });

  it('puts kept entries back before those recorded since, numbers those after them, and sends them on', () => {
    const journal = createJournal(() => 0);
    journal.record({ kind: 'control', detail: 'during the load' });
    const kept = [
      { seq: 41, at: '2026-01-01T00:00:00.000Z', kind: 'api' as const, detail: 'before' },
      { seq: 42, at: '2026-01-01T00:00:00.000Z', kind: 'api' as const, detail: 'last before' },
    ];
    const sunk: number[] = [];
    journal.restore(kept, { append: (e) => sunk.push(e.seq), clear: () => {} });
    expect(journal.list().map((e) => [e.seq, e.detail])).toEqual([
      [41, 'before'],
      [42, 'last before'],
      [43, 'during the load'],
    ]);
    expect(journal.record({ kind: 'control', detail: 'after' }).seq).toBe(44);
    expect(sunk).toEqual([43, 44]);
  });
});
