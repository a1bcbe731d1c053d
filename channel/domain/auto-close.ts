// Auto-close eligibility (R-CV-3): which live conversation the sweep closes, and why.

import type { Conversation } from './model';
import { DEFAULTS } from './model';

export interface AutoCloseLimits {
  /** The work stream's "auto-close after inactivity", for Waiting. */
  waitingMs: number;
  openMs?: number;
  activeMs?: number;
  wrapUpMs?: number;
}

/** The reason to close `conversation` at `now`, or null when it is not yet eligible. */
export function autoCloseReason(
  conversation: Conversation,
  limits: AutoCloseLimits,
  now: number,
): string | null {
  const idle = now - conversation.lastActivityAt;
  switch (conversation.state) {
    case 'waiting':
      return idle >= limits.waitingMs
        ? `auto-close: no activity for ${hours(limits.waitingMs)} while waiting`
        : null;
    case 'open': {
      const limit = limits.openMs ?? DEFAULTS.openAutoCloseMs;
      return idle >= limit ? `auto-close: open without activity for ${hours(limit)}` : null;
    }
    case 'active': {
      const limit = limits.activeMs ?? DEFAULTS.activeAutoCloseMs;
      return idle >= limit ? `auto-close: active without activity for ${hours(limit)}` : null;
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

function hours(ms: number): string {
  return `${Math.round((ms / 3_600_000) * 100) / 100} h`;
}
