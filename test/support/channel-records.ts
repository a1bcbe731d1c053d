// Records as the channel's store holds them, for the store's tests: one shape, overridden per test.
import type { Conversation, Message } from '../../channel/domain/model';

export const storedConversation = (
  id: string,
  overrides: Partial<Conversation> = {},
): Conversation => ({
  id,
  workStreamId: 'ws_1',
  customerNumber: '14255550123',
  supportNumber: '14255550100',
  state: 'open',
  queueId: 'q_def',
  routedBy: 'default',
  contactMatch: 'none',
  rejectedBy: [],
  resolved: false,
  createdAt: 1,
  lastActivityAt: 1,
  transitions: [],
  ...overrides,
});

export const storedMessage = (
  id: string,
  conversationId: string,
  overrides: Partial<Message> = {},
): Message => ({
  id,
  conversationId,
  direction: 'inbound',
  text: `hello ${id}`,
  truncated: false,
  at: 1,
  chars: 7,
  encoding: 'GSM-7',
  segments: 1,
  ...overrides,
});
