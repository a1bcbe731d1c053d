import { describe, expect, it } from 'vitest';
import { autoCloseReason } from './auto-close';
import type { Conversation, ConversationState } from './model';
import { DAY_MS, HOUR_MS } from './model';

const conv = (state: ConversationState, lastActivityAt = 0, wrapUpAt?: number): Conversation => ({
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
  createdAt: 0,
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
  it('closes Open and Active after 30 days without activity', () => {
    expect(autoCloseReason(conv('open'), limits, 30 * DAY_MS)).toMatch(/open/);
    expect(autoCloseReason(conv('active'), limits, 30 * DAY_MS)).toMatch(/active/);
    expect(autoCloseReason(conv('active'), limits, 30 * DAY_MS - 1)).toBeNull();
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
