// One handset's thread as the Phones page shows it: what it sent and what it received, in time order.
import type { ConsoleHandset, ConsoleTelesignMessage } from '../telesign-schemas';

export interface ThreadItem {
  direction: 'sent' | 'received';
  text: string;
  at: string;
  other: string;
  status: { code: number; description: string } | null;
  note?: string | undefined;
}

/**
 * What the phone sent, what TeleSign was asked to deliver to it (with the latest status), and
 * what TeleSign itself texted it (managed opt-out replies, which no API send produced).
 */
export function thread(
  handset: ConsoleHandset,
  all: ConsoleTelesignMessage[],
  /** What the channel made of some of the phone's texts, by reference id (`unroutable`…). */
  outcomes: ReadonlyMap<string, string> = new Map(),
): ThreadItem[] {
  // A cleared thread hides what TeleSign was asked to deliver before the clear (oldest first).
  const cut = handset.cleared_after
    ? all.findIndex((m) => m.reference_id === handset.cleared_after)
    : -1;
  const toPhone = all.slice(cut + 1);
  const sent = new Set(toPhone.map((m) => m.reference_id));
  const items: ThreadItem[] = [
    ...handset.inbox
      .filter((m) => !sent.has(m.referenceId))
      .map((m) => ({
        direction: 'received' as const,
        text: m.text,
        at: m.receivedAt,
        other: m.from,
        status: null,
        note: 'from TeleSign',
      })),
    ...handset.outbox.map((m) => ({
      direction: 'sent' as const,
      text: m.text,
      at: m.sentAt,
      other: m.to,
      status: null,
      note:
        outcomes.get(m.referenceId) === 'unroutable'
          ? 'unroutable: no work stream has this number, the channel dropped it'
          : m.note,
    })),
    ...toPhone.map((m) => ({
      direction: 'received' as const,
      text: m.message,
      at: m.submit_timestamp,
      other: m.sender_id ?? 'TeleSign',
      status: { code: m.status.code, description: m.status.description },
    })),
  ];
  return items.sort((a, b) => a.at.localeCompare(b.at));
}
