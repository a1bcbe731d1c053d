// Folds the traffic journal's callback lines into the callbacks worth keeping: pending retries and abandoned ones.
import type { CallbackPlan, CallbackRecord, SavedCallback, StoredJob } from './callback-types';

export interface CallbackLine {
  v: CallbackRecord;
  job?: StoredJob | undefined;
  next?: CallbackPlan | null | undefined;
}

export interface CallbackFold {
  /** One `callback` line, in journal order. */
  see(line: CallbackLine): void;
  /** Callbacks still waiting for an attempt, and abandoned ones (the newest `abandonedLimit`), oldest change first. */
  kept(abandonedLimit?: number): SavedCallback[];
}

/**
 * A callback is kept while it has a job (written with its first plan) and is either planned or
 * abandoned; a delivered one is forgotten here (its record stays with its message or thread).
 */
export function createCallbackFold(): CallbackFold {
  const kept = new Map<number, SavedCallback>();
  return {
    see({ v, job, next }) {
      const before = kept.get(v.id);
      kept.delete(v.id);
      const stored = job ?? before?.job;
      if (!stored || v.state === 'delivered') return;
      const plan = next === undefined ? (before?.next ?? null) : next;
      // Re-inserted: the map's order is the order of each callback's latest change.
      if (v.state === 'failed' || plan) kept.set(v.id, { record: v, job: stored, next: plan });
    },
    kept(abandonedLimit = 10_000) {
      const all = [...kept.values()];
      let extra = all.filter((s) => s.record.state === 'failed').length - abandonedLimit;
      return all.filter((s) => !(s.record.state === 'failed' && extra-- > 0));
    },
  };
}
