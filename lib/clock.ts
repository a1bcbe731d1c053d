// The shared clock: one notion of "now" and of scheduled work, real or manual, for both servers.

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

/** Wall-clock time; tasks run on Node timers that do not keep the process alive. */
export function createRealClock(options: ClockOptions = {}): Clock {
  const onError = options.onError ?? reportError;
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let nextId = 1;
  return {
    kind: 'real',
    now: () => Date.now(),
    schedule(at, task, label = 'task') {
      const id = nextId++;
      const timer = setTimeout(
        () => {
          timers.delete(id);
          Promise.resolve()
            .then(task)
            .catch((error: unknown) => onError(error, label));
        },
        Math.max(0, at - Date.now()),
      );
      timer.unref?.();
      timers.set(id, timer);
      return { id };
    },
    cancel(handle) {
      const timer = timers.get(handle.id);
      if (timer) clearTimeout(timer);
      timers.delete(handle.id);
    },
  };
}

interface Entry {
  id: number;
  at: number;
  seq: number;
  task: Task;
  label: string;
}

export const DEFAULT_MANUAL_START = Date.UTC(2026, 0, 5, 9, 0, 0);

/** Virtual time that only moves when told to; advancing fires due tasks in (time, scheduling) order. */
export function createManualClock(
  start: number = DEFAULT_MANUAL_START,
  options: ClockOptions = {},
): ManualClock {
  const onError = options.onError ?? reportError;
  let current = start;
  let nextId = 1;
  let seq = 0;
  const entries = new Map<number, Entry>();

  const nextDue = (limit: number): Entry | undefined => {
    let best: Entry | undefined;
    for (const entry of entries.values()) {
      if (entry.at > limit) continue;
      if (!best || entry.at < best.at || (entry.at === best.at && entry.seq < best.seq)) {
        best = entry;
      }
    }
    return best;
  };

  const runUntil = async (limit: number): Promise<void> => {
    for (let entry = nextDue(limit); entry; entry = nextDue(limit)) {
      entries.delete(entry.id);
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
      entries.set(id, { id, at, seq: seq++, task, label });
      return { id };
    },
    cancel(handle) {
      entries.delete(handle.id);
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
      return [...entries.values()]
        .sort((a, b) => a.at - b.at || a.seq - b.seq)
        .map(({ at, label }) => ({ at, label }));
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
