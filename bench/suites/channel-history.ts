// Stored history for the channel benchmark: closed conversations and messages, as an earlier run would leave them.
import { createStore } from '../../channel/adapters/store';
import type { Conversation, Message } from '../../channel/domain/model';

/** Customers texting; each new one opens a conversation that stays Open (nobody picks in the bench). */
export const customer = (i: number, spread = 100): string =>
  `1415${String(2_000_000 + (i % spread)).padStart(7, '0')}`;

/** TeleSign's reference id of stored message `i` (32 hex digits, as TeleSign's). */
export const storedReference = (i: number): string =>
  `B3${i.toString(16).toUpperCase().padStart(30, '0')}`;

/** A stored inbound SMS; `i` spreads them over `conversations` closed conversations (1000). */
export function storedMessage(i: number, conversations = 1000): Message {
  return {
    id: `msg_bench_${i}`,
    conversationId: `cv_bench_${i % conversations}`,
    direction: 'inbound',
    text: `Stored message number ${i}, about as long as a short SMS.`,
    truncated: false,
    at: 1_767_603_600_000 + i,
    chars: 50,
    encoding: 'GSM-7',
    segments: 1,
    telesignReferenceId: storedReference(i),
  };
}

export function closedConversation(n: number): Conversation {
  const at = 1_767_603_600_000;
  return {
    id: `cv_bench_${n}`,
    workStreamId: 'ws_bench_old',
    customerNumber: customer(n),
    supportNumber: '14155550999',
    state: 'closed',
    queueId: 'q_bench_old',
    routedBy: 'default',
    contactMatch: 'none',
    rejectedBy: [],
    resolved: true,
    createdAt: at,
    lastActivityAt: at,
    closedAt: at,
    transitions: [
      { from: null, to: 'open', at, actor: { kind: 'customer' }, reason: 'bench history' },
    ],
  };
}

/** Writes `count` messages of history into the data folder, as an earlier run would have left them. */
export async function prefill(folder: string, count: number): Promise<void> {
  const store = createStore({ folder });
  await store.load();
  for (let n = 0; n < Math.min(1000, count); n++)
    await store.saveConversation(closedConversation(n));
  for (let i = 0; i < count; i++) await store.saveMessage(storedMessage(i));
  await store.close();
}
