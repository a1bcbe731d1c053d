// When the auto-close sweep runs (R-CV-3): on the sweep interval's ticks, but only on a tick at or
// after some live conversation falls due, so a quiet month costs nothing instead of a sweep a minute.
import type { Clock, TimerHandle } from '../../lib/clock';
import { autoCloseDueAt } from '../domain/auto-close';
import type { Conversation } from '../domain/model';
import { autoCloseLimits } from './auto-close-sweep';
import type { ServiceContext } from './context';

export interface SweepSchedule {
  /** A conversation was stored: it may fall due sooner than the armed tick. */
  conversationSaved(conversation: Conversation): void;
  /** Auto-close settings changed: every live conversation's due time is looked at again. */
  replan(): void;
  stop(): void;
}

export const NO_SWEEP_SCHEDULE: SweepSchedule = {
  conversationSaved: () => undefined,
  replan: () => undefined,
  stop: () => undefined,
};

/**
 * The first tick `origin + k·interval` (k ≥ 1) at or after `due` and after `now`: the tick at which
 * a sweep every `interval` since `origin` would first find the conversation due.
 */
export function sweepTickFor(origin: number, intervalMs: number, due: number, now: number): number {
  let k = Math.max(1, Math.ceil((due - origin) / intervalMs));
  if (origin + k * intervalMs <= now) k = Math.floor((now - origin) / intervalMs) + 1;
  return origin + k * intervalMs;
}

export function createSweepSchedule(
  ctx: ServiceContext,
  options: { clock: Clock; intervalMs: number; sweep: () => Promise<unknown> },
): SweepSchedule {
  const { clock, intervalMs } = options;
  const origin = clock.now();
  let armed: { at: number; handle: TimerHandle } | undefined;
  let stopped = false;

  const fire = async (): Promise<void> => {
    armed = undefined;
    try {
      await options.sweep();
    } finally {
      replan();
    }
  };

  const consider = (conversation: Conversation): void => {
    const due = autoCloseDueAt(conversation, autoCloseLimits(ctx, conversation));
    if (stopped || due === null) return;
    const at = sweepTickFor(origin, intervalMs, due, clock.now());
    if (armed && armed.at <= at) return;
    if (armed) clock.cancel(armed.handle);
    armed = { at, handle: clock.schedule(at, fire, 'auto-close-sweep') };
  };

  function replan(): void {
    for (const conversation of ctx.live.values()) consider(conversation);
  }

  return {
    conversationSaved: consider,
    replan,
    stop() {
      stopped = true;
      if (armed) clock.cancel(armed.handle);
      armed = undefined;
    },
  };
}
