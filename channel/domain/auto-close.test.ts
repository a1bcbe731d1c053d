import { describe, expect, it } from 'vitest';
import { autoCloseDueAt, autoCloseReason } from './auto-close';
import type { Conversation, ConversationState } from './model';
import { DAY_MS, HOUR_MS } from './model';

const conv = (
  state: ConversationState,
  lastActivityAt = 0,
  wrapUpAt?: number,
  createdAt = 0,
): Conversation => ({
  id: 'cv_1',
  workStreamId: 'ws_1',
  customerNumber: '1',
  supportNumber: '2',
  state,
  queueId: 'q',
  routedBy: 'default',
  contactMatch: 'none',
  rejectedBy: [],
  resolved: false,
  createdAt,
  lastActivityAt,
  transitions: [],
  ...(wrapUpAt !== undefined ? { wrapUpAt } : {}),
});
const limits = { waitingMs: 8 * HOUR_MS };

describe('auto-close eligibility (R-CV-3)', () => {
  it('closes Waiting after the work stream inactivity', () => {
    expect(autoCloseReason(conv('waiting'), limits, 8 * HOUR_MS)).toMatch(/no activity for 8 h/);
  });
  it('keeps Waiting open one millisecond before', () => {
    expect(autoCloseReason(conv('waiting'), limits, 8 * HOUR_MS - 1)).toBeNull();
  });
  it('measures inactivity from the last activity', () => {
    expect(autoCloseReason(conv('waiting', 5 * HOUR_MS), limits, 8 * HOUR_MS)).toBeNull();
  });
  it('R-CV-3: closes Open and Active 30 days after creation', () => {
    expect(autoCloseReason(conv('open'), limits, 30 * DAY_MS)).toMatch(
      /still open 30 days after it was created/,
    );
    expect(autoCloseReason(conv('active'), limits, 30 * DAY_MS)).toMatch(
      /still active 30 days after it was created/,
    );
    expect(autoCloseReason(conv('active'), limits, 30 * DAY_MS - 1)).toBeNull();
  });
  it('R-CV-3: closes an Active conversation with activity yesterday 30 days after creation', () => {
    const busy = conv('active', 29 * DAY_MS);
    expect(autoCloseReason(busy, limits, 30 * DAY_MS)).toMatch(/after it was created/);
  });
  it('R-CV-3: keeps an Open conversation created 29 days ago even with no activity since', () => {
    expect(autoCloseReason(conv('open', 0, undefined, DAY_MS), limits, 30 * DAY_MS - 1)).toBeNull();
  });
  it('R-CV-3: counts Waiting from the last activity, not from creation', () => {
    const old = conv('waiting', 40 * DAY_MS);
    expect(autoCloseReason(old, limits, 40 * DAY_MS + 8 * HOUR_MS - 1)).toBeNull();
    expect(autoCloseReason(old, limits, 40 * DAY_MS + 8 * HOUR_MS)).toMatch(/while waiting/);
  });
  it('R-CV-3: the due time is the first moment the reason holds, for every state', () => {
    const cases = [conv('waiting', 5), conv('open', 7), conv('active', 9), conv('wrap-up', 0, 11)];
    for (const c of cases) {
      const due = autoCloseDueAt(c, limits);
      if (due === null) throw new Error(`${c.state} has no due time`);
      expect(autoCloseReason(c, limits, due - 1)).toBeNull();
      expect(autoCloseReason(c, limits, due)).not.toBeNull();
    }
    expect(autoCloseDueAt(conv('closed'), limits)).toBeNull();
  });
  it('closes Wrap-up 1 day after wrap-up began', () => {
    expect(autoCloseReason(conv('wrap-up', 0, 10), limits, DAY_MS + 10)).toMatch(
      /after wrap-up began/,
    );
    expect(autoCloseReason(conv('wrap-up', 0, 10), limits, DAY_MS + 9)).toBeNull();
  });
  it('never touches Closed', () => {
    expect(autoCloseReason(conv('closed'), limits, 100 * DAY_MS)).toBeNull();
  });
});

describe('auto-close reasons, word for word (R-CV-3)', () => {
  it('names the inactivity in hours, a whole number of days in days, and anything else in hours', () => {
    expect(autoCloseReason(conv('waiting'), limits, 8 * HOUR_MS)).toBe(
      'auto-close: no activity for 8 h while waiting',
    );
    expect(autoCloseReason(conv('waiting'), { waitingMs: 36 * HOUR_MS }, 36 * HOUR_MS)).toBe(
      'auto-close: no activity for 36 h while waiting',
    );
    expect(autoCloseReason(conv('waiting'), { waitingMs: 2 * DAY_MS }, 2 * DAY_MS)).toBe(
      'auto-close: no activity for 2 days while waiting',
    );
    expect(autoCloseReason(conv('waiting'), { waitingMs: 7.5 * HOUR_MS }, 8 * HOUR_MS)).toBe(
      'auto-close: no activity for 7.5 h while waiting',
    );
  });
  it('says which state a conversation was still in 30 days after it was created', () => {
    expect(autoCloseReason(conv('open'), limits, 30 * DAY_MS)).toBe(
      'auto-close: still open 30 days after it was created',
    );
    expect(autoCloseReason(conv('active'), limits, 30 * DAY_MS)).toBe(
      'auto-close: still active 30 days after it was created',
    );
    expect(autoCloseReason(conv('wrap-up', 0, 0), limits, DAY_MS)).toBe(
      'auto-close: 1 day after wrap-up began',
    );
  });
  it('counts an Active conversation created later from its own creation', () => {
    const later = conv('active', 0, undefined, 10 * DAY_MS);
    expect(autoCloseReason(later, limits, 39 * DAY_MS)).toBeNull();
    expect(autoCloseReason(later, limits, 40 * DAY_MS)).not.toBeNull();
  });
  it('honours shorter limits given for Open, Active and Wrap-up', () => {
    const short = { ...limits, openMs: HOUR_MS, activeMs: 2 * HOUR_MS, wrapUpMs: 3 * HOUR_MS };
    expect(autoCloseReason(conv('open'), short, HOUR_MS)).toBe(
      'auto-close: still open 1 h after it was created',
    );
    expect(autoCloseReason(conv('active'), short, HOUR_MS)).toBeNull();
    expect(autoCloseReason(conv('wrap-up', 0, 0), short, 3 * HOUR_MS)).toBe(
      'auto-close: 3 h after wrap-up began',
    );
  });
});
