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

  it('runs tasks due at the same time in the order they were scheduled, after earlier ones', async () => {
    vi.useFakeTimers({ now: 0 });
    const clock = createRealClock();
    const ran: string[] = [];
    clock.schedule(1000, () => void ran.push('a@1000'));
    clock.schedule(500, () => void ran.push('b@500'));
    clock.schedule(1000, () => void ran.push('c@1000'));
    await vi.advanceTimersByTimeAsync(499);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toEqual(['b@500']);
    await vi.advanceTimersByTimeAsync(500);
    expect(ran).toEqual(['b@500', 'a@1000', 'c@1000']);
  });

  it('runs a task scheduled in the past at once, and one a task schedules for now in the same turn', async () => {
    vi.useFakeTimers({ now: 10_000 });
    const clock = createRealClock();
    const ran: string[] = [];
    clock.schedule(5_000, () => {
      ran.push('late');
      clock.schedule(10_000, () => void ran.push('chained'));
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toEqual(['late', 'chained']);
  });

  it('keeps running later tasks when one throws, and reports it with its label', async () => {
    vi.useFakeTimers({ now: 0 });
    const errors: string[] = [];
    const clock = createRealClock({ onError: (_, label) => errors.push(label) });
    const ran: string[] = [];
    clock.schedule(
      10,
      () => {
        throw new Error('boom');
      },
      'thrower',
    );
    clock.schedule(
      10,
      async () => {
        throw new Error('async boom');
      },
      'async thrower',
    );
    clock.schedule(10, () => void ran.push('after'));
    await vi.advanceTimersByTimeAsync(10);
    expect(ran).toEqual(['after']);
    expect(errors).toEqual(['thrower', 'async thrower']);
  });
});
