import { describe, expect, it } from 'vitest';
import { EVERYTHING, keysForChannelEvent, keysForJournalEntry } from './keys';

describe('live keys', () => {
  it('names the conversation an offer timeout concerns, though the page never heard of conversation.declined', () => {
    expect(
      keysForChannelEvent({
        type: 'conversation.declined',
        conversationId: 'cv_1',
        agentId: 'ag_1',
        reason: 'timed-out',
        at: 0,
      }),
    ).toEqual(['conversations', 'conversation:cv_1', 'agents']);
  });

  it('names admin changes and agent changes apart', () => {
    expect(keysForChannelEvent({ type: 'admin.changed', resource: 'queue', at: 0 })).toEqual([
      'admin',
    ]);
    expect(keysForChannelEvent({ type: 'agent.changed', agentId: 'a', at: 0 })).toEqual(['agents']);
  });

  it('re-renders everything for an event it cannot read or does not know', () => {
    expect(keysForChannelEvent('not an event')).toEqual([EVERYTHING]);
    expect(keysForChannelEvent({ type: 'something.new', at: 0 })).toEqual([EVERYTHING]);
  });

  it('names the one handset a journal entry is about', () => {
    expect(keysForJournalEntry({ kind: 'callback', phone: '12025550101' })).toEqual({
      keys: ['journal', 'handset:12025550101'],
      phone: '12025550101',
    });
    expect(keysForJournalEntry({ kind: 'control', detail: 'fault set' })).toEqual({
      keys: ['journal', 'telesign'],
    });
  });
});
