// Stored history for the channel benchmark: closed conversations and messages, as an earlier run would leave them.
import { createStore } from '../../channel/adapters/store';
import type { Conversation, InboundEvent, Message } from '../../channel/domain/model';

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

/** The inbound SMS event stored message `i` came with, as the channel keeps it (raw body and all). */
export function storedInboundEvent(i: number, conversations = 1000): InboundEvent {
  const at = 1_767_603_600_000 + i;
  return {
    kind: 'sms',
    referenceId: storedReference(i),
    receivedAt: at,
    rawBody: JSON.stringify({
      reference_id: storedReference(i),
      sub_resource: 'mo_sms',
      errors: [],
      status: {
        code: 1500,
        description: 'Delivered to customer',
        updated_on: new Date(at).toISOString(),
      },
      user_response: {
        phone_number: customer(i % conversations),
        sender_id: '14155550999',
        mo_message: `Stored message number ${i}, about as long as a short SMS.`,
      },
    }),
    outcome: 'accepted',
    conversationId: `cv_bench_${i % conversations}`,
    messageId: `msg_bench_${i}`,
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
