// What each server event changes, as the keys the pages' live regions listen for (`data-keys`).
// The browser knows no event names: it is sent these keys and re-renders the regions that match.
import { z } from 'zod';

/** Every region re-renders (a stream came back after a drop, so events may have been missed). */
export const EVERYTHING = '*';

export const handsetKey = (phone: string): string => `handset:${phone}`;
export const conversationKey = (id: string): string => `conversation:${id}`;

// Plain (stripping) objects: only the fields read here are looked at. A loose object copied every
// other field of every event (a journal entry's whole request and response) on each inbound text.
const channelEventSchema = z.object({
  type: z.string(),
  conversationId: z.string().optional(),
});

const journalEntrySchema = z.object({
  kind: z.string(),
  phone: z.string().optional(),
});

/** A channel event (`GET /api/events`) → the keys of what it changed; unknown shapes change everything. */
export function keysForChannelEvent(data: unknown): string[] {
  const parsed = channelEventSchema.safeParse(data);
  if (!parsed.success) return [EVERYTHING];
  const event = parsed.data;
  const keys: string[] = [];
  if (event.conversationId) keys.push('conversations', conversationKey(event.conversationId));
  if (event.type.startsWith('conversation.') || event.type.startsWith('inbound.'))
    keys.push('conversations', 'agents');
  if (event.type === 'agent.changed') keys.push('agents');
  if (event.type === 'admin.changed') keys.push('admin');
  return keys.length > 0 ? [...new Set(keys)] : [EVERYTHING];
}

/** A journal entry of the fake (`GET /_sim/events`) → the keys of what it changed. */
export function keysForJournalEntry(data: unknown): { keys: string[]; phone?: string } {
  const parsed = journalEntrySchema.safeParse(data);
  if (!parsed.success) return { keys: [EVERYTHING] };
  const entry = parsed.data;
  const keys = ['journal'];
  // Control entries are the fake's settings: faults, delivery policies, accounts, the clock.
  if (entry.kind === 'control') keys.push('telesign');
  if (entry.phone) {
    keys.push(handsetKey(entry.phone));
    return { keys, phone: entry.phone };
  }
  return { keys };
}
