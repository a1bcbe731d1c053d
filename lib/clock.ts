// The shared clock: one notion of "now" and of scheduled work, real or manual, for both servers.
import { createTimerQueue } from './timer-queue';

export type Task = () => unknown;

export interface TimerHandle {
  readonly id: number;
}

export interface Clock {
  readonly kind: 'real' | 'manual';
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `task` at absolute time `at` (ms since epoch); a time in the past runs as soon as possible. */
  schedule(at: number, task: Task, label?: string): TimerHandle;
  cancel(handle: TimerHandle): void;
}

export interface PendingTimer {
  readonly at: number;
  readonly label: string;
}

export interface ManualClock extends Clock {
  readonly kind: 'manual';
  /** Moves time forward by `ms`, running every task that falls due, in time order, awaiting each. */
  advance(ms: number): Promise<void>;
  /** Moves time forward to `at` (never backwards). */
  advanceTo(at: number): Promise<void>;
  /** Runs the tasks already due without moving time. */
  runDue(): Promise<void>;
  pending(): PendingTimer[];
}

export interface ClockOptions {
  /** Called when a scheduled task throws or rejects; defaults to printing it. */
  onError?: (error: unknown, label: string) => void;
}

const reportError = (error: unknown, label: string): void => {
  console.error(`scheduled task "${label}" failed:`, error);
};

/** The longest delay a Node timer honours (2^31 - 1 ms); a longer one fires after 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Entry {
  id: number;
  at: number;
  seq: number;
  task: Task;
  label: string;
}

/**
 * Wall-clock time. Pending tasks wait in one heap (lib/timer-queue) behind a single Node timer armed
 * for the earliest, so scheduling costs a heap insert rather than a Node timer, and tasks due at the
 * same time run in (time, scheduling) order as on the manual clock. The timer does not keep the
 * process alive.
 */
export function createRealClock(options: ClockOptions = {}): Clock {
  const onError = options.onError ?? reportError;
  const queue = createTimerQueue<Entry>();
  let nextId = 1;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the armed timer fires (Infinity: none armed). */
  let armedFor = Number.POSITIVE_INFINITY;

  const run = (entry: Entry): void => {
    try {
      const result = entry.task();
      if (result instanceof Promise) {
        result.catch((error: unknown) => onError(error, entry.label));
      }
    } catch (error) {
      onError(error, entry.label);
    }
  };

  const arm = (at: number): void => {
    if (timer !== undefined) clearTimeout(timer);
    armedFor = at;
    // Past setTimeout's limit a timer fires after 1 ms: far tasks wait in ≤ 24.8-day steps.
    timer = setTimeout(fire, Math.min(Math.max(0, at - Date.now()), MAX_TIMER_MS));
    timer.unref?.();
  };

  function fire(): void {
    timer = undefined;
    armedFor = Number.POSITIVE_INFINITY;
    const now = Date.now();
    for (let entry = queue.takeDue(now); entry; entry = queue.takeDue(now)) run(entry);
    const next = queue.nextAt();
    if (next !== undefined) arm(next);
  }

  return {
    kind: 'real',
    now: () => Date.now(),
    schedule(at, task, label = 'task') {
      const id = nextId++;
      queue.add({ id, at, seq: seq++, task, label });
      if (at < armedFor) arm(at);
      return { id };
    },
    cancel(handle) {
      queue.remove(handle.id);
      // The armed timer may now wake for nothing; it re-arms for what is left.
    },
  };
}

const DEFAULT_MANUAL_START = Date.UTC(2026, 0, 5, 9, 0, 0);

/** Virtual time that only moves when told to; advancing fires due tasks in (time, scheduling) order. */
export function createManualClock(
  start: number = DEFAULT_MANUAL_START,
  options: ClockOptions = {},
): ManualClock {
  const onError = options.onError ?? reportError;
  let current = start;
  let nextId = 1;
  let seq = 0;
  const queue = createTimerQueue<Entry>();

  // Jumps from one due task to the next: the cost is per scheduled task, not per unit of time.
  const runUntil = async (limit: number): Promise<void> => {
    for (let entry = queue.takeDue(limit); entry; entry = queue.takeDue(limit)) {
      if (entry.at > current) current = entry.at;
      try {
        await entry.task();
      } catch (error) {
        onError(error, entry.label);
      }
    }
  };

  return {
    kind: 'manual',
    now: () => current,
    schedule(at, task, label = 'task') {
      const id = nextId++;
      queue.add({ id, at, seq: seq++, task, label });
      return { id };
    },
    cancel(handle) {
      queue.remove(handle.id);
    },
    async advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance by ${ms} ms`);
      await this.advanceTo(current + ms);
    },
    async advanceTo(at) {
      const target = Math.max(at, current);
      await runUntil(target);
      current = target;
    },
    async runDue() {
      await runUntil(current);
    },
    pending() {
      return queue.list().map(({ at, label }) => ({ at, label }));
    },
  };
}

/** Runs `task` every `intervalMs` on `clock` until the returned function is called. */
export function every(
  clock: Clock,
  intervalMs: number,
  task: Task,
  label = 'periodic',
): () => void {
  let handle: TimerHandle | undefined;
  let stopped = false;
  const arm = (): void => {
    handle = clock.schedule(
      clock.now() + intervalMs,
      async () => {
        if (stopped) return;
        try {
          await task();
        } finally {
          if (!stopped) arm();
        }
      },
      label,
    );
  };
  arm();
  return () => {
    stopped = true;
    if (handle) clock.cancel(handle);
  };
}
