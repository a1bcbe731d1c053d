// Auto-close eligibility (R-CV-3): which live conversation the sweep closes, and why.

import type { Conversation } from './model';
import { DAY_MS, DEFAULTS } from './model';

export interface AutoCloseLimits {
  /** The work stream's "auto-close after inactivity", for Waiting. */
  waitingMs: number;
  openMs?: number;
  activeMs?: number;
  wrapUpMs?: number;
}

/**
 * The reason to close `conversation` at `now`, or null when it is not yet eligible. Each state has
 * its own starting point (R-CV-3 as amended): Waiting counts from the last activity, Open and
 * Active from the conversation's creation whatever happened since, Wrap-up from entering Wrap-up.
 */
export function autoCloseReason(
  conversation: Conversation,
  limits: AutoCloseLimits,
  now: number,
): string | null {
  switch (conversation.state) {
    case 'waiting':
      return now - conversation.lastActivityAt >= limits.waitingMs
        ? `auto-close: no activity for ${hours(limits.waitingMs)} while waiting`
        : null;
    case 'open': {
      const limit = limits.openMs ?? DEFAULTS.openAutoCloseMs;
      return now - conversation.createdAt >= limit
        ? `auto-close: still open ${hours(limit)} after it was created`
        : null;
    }
    case 'active': {
      const limit = limits.activeMs ?? DEFAULTS.activeAutoCloseMs;
      return now - conversation.createdAt >= limit
        ? `auto-close: still active ${hours(limit)} after it was created`
        : null;
    }
    case 'wrap-up': {
      const limit = limits.wrapUpMs ?? DEFAULTS.wrapUpAutoCloseMs;
      const since = now - (conversation.wrapUpAt ?? conversation.lastActivityAt);
      return since >= limit ? `auto-close: ${hours(limit)} after wrap-up began` : null;
    }
    case 'closed':
      return null;
  }
}

/** When `conversation` becomes eligible under `limits`, or null for Closed (for timers and views). */
export function autoCloseDueAt(conversation: Conversation, limits: AutoCloseLimits): number | null {
  switch (conversation.state) {
    case 'waiting':
      return conversation.lastActivityAt + limits.waitingMs;
    case 'open':
      return conversation.createdAt + (limits.openMs ?? DEFAULTS.openAutoCloseMs);
    case 'active':
      return conversation.createdAt + (limits.activeMs ?? DEFAULTS.activeAutoCloseMs);
    case 'wrap-up':
      return (
        (conversation.wrapUpAt ?? conversation.lastActivityAt) +
        (limits.wrapUpMs ?? DEFAULTS.wrapUpAutoCloseMs)
      );
    case 'closed':
      return null;
  }
}

/** `8 h`, `7.5 h`; whole days as `1 day`, `30 days`. */
function hours(ms: number): string {
  if (ms >= DAY_MS && ms % DAY_MS === 0) return ms === DAY_MS ? '1 day' : `${ms / DAY_MS} days`;
  return `${Math.round((ms / 3_600_000) * 100) / 100} h`;
}
