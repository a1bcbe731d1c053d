import { describe, expect, it } from 'vitest';
import { createManualClock, every } from './clock';

describe('manual clock', () => {
  it('runs due tasks in time order when advanced, and leaves later ones pending', async () => {
    const clock = createManualClock(0);
    const seen: string[] = [];
    clock.schedule(300, () => seen.push('c'));
    clock.schedule(100, () => seen.push('a'));
    clock.schedule(200, () => seen.push('b'));
    clock.schedule(5000, () => seen.push('late'));
    await clock.advance(1000);
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(clock.now()).toBe(1000);
    expect(clock.pending()).toEqual([{ at: 5000, label: 'task' }]);
  });

  it('shows each task the time it was due, and runs tasks scheduled by tasks within the window', async () => {
    const clock = createManualClock(0);
    const times: number[] = [];
    clock.schedule(10, () => {
      times.push(clock.now());
      clock.schedule(clock.now() + 10, () => times.push(clock.now()));
    });
    await clock.advance(100);
    expect(times).toEqual([10, 20]);
  });

  it('does not run a cancelled task', async () => {
    const clock = createManualClock(0);
    let ran = false;
    const handle = clock.schedule(10, () => {
      ran = true;
    });
    clock.cancel(handle);
    await clock.advance(20);
    expect(ran).toBe(false);
  });

  it('refuses to move backwards or by a negative amount', async () => {
    const clock = createManualClock(1000);
    await expect(clock.advance(-1)).rejects.toThrow(/cannot advance/);
    await clock.advanceTo(10);
    expect(clock.now()).toBe(1000);
  });

  it('repeats a periodic task once per interval until stopped', async () => {
    const clock = createManualClock(0);
    let count = 0;
    const stop = every(clock, 100, () => {
      count++;
    });
    await clock.advance(350);
    expect(count).toBe(3);
    stop();
    await clock.advance(1000);
    expect(count).toBe(3);
  });
});
