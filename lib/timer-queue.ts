// The clocks' pending tasks: a binary heap by (time, scheduling order), so finding the next
// due task costs log n, not a walk over every pending one.

export interface QueuedTimer {
  readonly id: number;
  readonly at: number;
  readonly seq: number;
}

const before = (a: QueuedTimer, b: QueuedTimer): boolean =>
  a.at < b.at || (a.at === b.at && a.seq < b.seq);

export interface TimerQueue<T extends QueuedTimer> {
  add(timer: T): void;
  /** Forgets a timer; its heap slot is skipped when it reaches the top. */
  remove(id: number): void;
  /** The earliest live timer due at or before `limit`, taken out of the queue. */
  takeDue(limit: number): T | undefined;
  /** When the earliest live timer is due, if any. */
  nextAt(): number | undefined;
  /** Live timers in (time, scheduling) order. */
  list(): T[];
  readonly size: number;
}

export function createTimerQueue<T extends QueuedTimer>(): TimerQueue<T> {
  const live = new Map<number, T>();
  let heap: T[] = [];

  const up = (start: number): void => {
    let i = start;
    const item = heap[i] as T;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent] as T;
      if (!before(item, above)) break;
      heap[i] = above;
      i = parent;
    }
    heap[i] = item;
  };

  const down = (start: number): void => {
    let i = start;
    const item = heap[i] as T;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right] as T, heap[left] as T) ? right : left;
      if (!before(heap[child] as T, item)) break;
      heap[i] = heap[child] as T;
      i = child;
    }
    heap[i] = item;
  };

  const pop = (): void => {
    const last = heap.pop();
    if (last && heap.length > 0) {
      heap[0] = last;
      down(0);
    }
  };

  /** Drops the slots of removed timers once they outnumber the live ones (e.g. many cancelled offers). */
  const compact = (): void => {
    if (heap.length < 64 || heap.length < 2 * live.size) return;
    heap = [...live.values()];
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  };

  return {
    add(timer) {
      live.set(timer.id, timer);
      heap.push(timer);
      up(heap.length - 1);
    },
    remove(id) {
      if (live.delete(id)) compact();
    },
    takeDue(limit) {
      for (;;) {
        const top = heap[0];
        if (!top) return undefined;
        if (live.get(top.id) !== top) {
          pop();
          continue;
        }
        if (top.at > limit) return undefined;
        pop();
        live.delete(top.id);
        return top;
      }
    },
    nextAt() {
      for (;;) {
        const top = heap[0];
        if (!top) return undefined;
        if (live.get(top.id) === top) return top.at;
        pop();
      }
    },
    list() {
      return [...live.values()].sort((a, b) => a.at - b.at || a.seq - b.seq);
    },
    get size() {
      return live.size;
    },
  };
}
