import { describe, expect, it } from 'vitest';
import { createCallbackFold } from './callback-fold';
import type { CallbackRecord, CallbackState, StoredJob } from './callback-types';

const record = (id: number, state: CallbackState, attempts = 0): CallbackRecord => ({
  id,
  kind: 'inbound',
  url: 'https://receiver.test/cb',
  referenceId: `REF${id}`,
  customerId: 'C',
  state,
  attempts: Array.from({ length: attempts }, (_, i) => ({
    attempt: i + 1,
    at: '2026-11-30T00:00:00.000Z',
    status: 500,
    latencyMs: 1,
  })),
});
const job = (id: number): StoredJob => ({
  kind: 'inbound',
  customerId: 'C',
  url: 'https://receiver.test/cb',
  referenceId: `REF${id}`,
  body: '{}',
  accountUrl: true,
});

describe('folding callback lines', () => {
  it('keeps a callback whose retry is planned, with the job of its first line and its latest plan', () => {
    const fold = createCallbackFold();
    fold.see({ v: record(1, 'pending'), job: job(1), next: { attempt: 1, at: 0 } });
    fold.see({ v: record(1, 'pending', 1), next: { attempt: 2, at: 10_000 } });
    expect(fold.kept()).toEqual([
      { record: record(1, 'pending', 1), job: job(1), next: { attempt: 2, at: 10_000 } },
    ]);
  });

  it('forgets a delivered callback, and one it has no job for (lines of an older version)', () => {
    const fold = createCallbackFold();
    fold.see({ v: record(1, 'pending'), job: job(1), next: { attempt: 1, at: 0 } });
    fold.see({ v: record(1, 'delivered', 1), next: null });
    fold.see({ v: record(2, 'pending', 1) });
    fold.see({ v: record(3, 'failed', 3) });
    expect(fold.kept()).toEqual([]);
  });

  it('keeps abandoned callbacks, the newest ones when there are more than the limit', () => {
    const fold = createCallbackFold();
    for (const id of [1, 2, 3]) {
      fold.see({ v: record(id, 'pending'), job: job(id), next: { attempt: 1, at: 0 } });
      fold.see({ v: record(id, 'failed', 3), next: null });
    }
    fold.see({ v: record(4, 'pending'), job: job(4), next: { attempt: 1, at: 0 } });
    expect(fold.kept(2).map((s) => [s.record.id, s.record.state])).toEqual([
      [2, 'failed'],
      [3, 'failed'],
      [4, 'pending'],
    ]);
  });
});
