import { describe, expect, it } from 'vitest';
import { createTimerQueue, type QueuedTimer } from './timer-queue';

describe('timer queue', () => {
  it('hands out due timers by time, then by scheduling order, and keeps later ones', () => {
    const queue = createTimerQueue<QueuedTimer>();
    queue.add({ id: 1, at: 300, seq: 0 });
    queue.add({ id: 2, at: 100, seq: 1 });
    queue.add({ id: 3, at: 100, seq: 2 });
    queue.add({ id: 4, at: 900, seq: 3 });
    const taken: number[] = [];
    for (let t = queue.takeDue(500); t; t = queue.takeDue(500)) taken.push(t.id);
    expect(taken).toEqual([2, 3, 1]);
    expect(queue.list().map((t) => t.id)).toEqual([4]);
  });

  it('never hands out a removed timer, and forgets removed slots once they pile up', () => {
    const queue = createTimerQueue<QueuedTimer>();
    for (let i = 0; i < 1000; i++) queue.add({ id: i, at: 1000 - i, seq: i });
    for (let i = 0; i < 1000; i++) if (i % 10 !== 0) queue.remove(i);
    expect(queue.size).toBe(100);
    const taken: number[] = [];
    for (let t = queue.takeDue(Number.POSITIVE_INFINITY); t; t = queue.takeDue(Infinity))
      taken.push(t.id);
    expect(taken).toEqual(Array.from({ length: 100 }, (_, k) => 990 - 10 * k));
  });

  it('agrees with a sorted list over many random adds, removes and takes', () => {
    let state = 7;
    const random = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const queue = createTimerQueue<QueuedTimer>();
    const model: QueuedTimer[] = [];
    let seq = 0;
    let now = 0;
    for (let step = 0; step < 5000; step++) {
      const op = random(10);
      if (op < 5) {
        const timer = { id: seq, at: now + random(50), seq: seq++ };
        queue.add(timer);
        model.push(timer);
      } else if (op < 7 && model.length > 0) {
        const [gone] = model.splice(random(model.length), 1);
        if (gone) queue.remove(gone.id);
      } else {
        now += random(20);
        model.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const expected = model.filter((t) => t.at <= now).map((t) => t.id);
        const taken: number[] = [];
        for (let t = queue.takeDue(now); t; t = queue.takeDue(now)) taken.push(t.id);
        expect(taken).toEqual(expected);
        model.splice(0, expected.length);
      }
    }
    expect(queue.list().map((t) => t.id)).toEqual(
      model.sort((a, b) => a.at - b.at || a.seq - b.seq).map((t) => t.id),
    );
  });
});
