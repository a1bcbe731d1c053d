import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRealClock } from './clock';

const DAY = 24 * 60 * 60_000;

afterEach(() => {
  vi.useRealTimers();
});

describe('the real clock', () => {
  it('does not run a task due beyond setTimeout’s 24.8-day limit early', async () => {
    vi.useFakeTimers({ now: 0 });
    const clock = createRealClock();
    const ran: number[] = [];
    clock.schedule(30 * DAY, () => {
      ran.push(Date.now());
    });
    await vi.advanceTimersByTimeAsync(29 * DAY);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(DAY);
    expect(ran).toEqual([30 * DAY]);
  });

  it('cancels a far task before it runs', async () => {
    vi.useFakeTimers({ now: 0 });
    const clock = createRealClock();
    const ran: number[] = [];
    const handle = clock.schedule(40 * DAY, () => {
      ran.push(Date.now());
    });
    await vi.advanceTimersByTimeAsync(25 * DAY);
    clock.cancel(handle);
    await vi.advanceTimersByTimeAsync(20 * DAY);
    expect(ran).toEqual([]);
  });
});
