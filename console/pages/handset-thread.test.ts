import { describe, expect, it } from 'vitest';
import type { ConsoleTelesignMessage } from '../telesign-schemas';
import { thread } from './handset-thread';

const sentTo = (ref: string, at: string): ConsoleTelesignMessage => ({
  reference_id: ref,
  phone_number: '12025550190',
  sender_id: '14155550100',
  message: `message ${ref}`,
  submit_timestamp: at,
  status: { code: 200, description: 'Delivered to handset' },
  history: [],
});
const records = [
  sentTo('A', '2026-01-05T09:00:00.000000Z'),
  sentTo('B', '2026-01-05T09:00:00.000000Z'),
  sentTo('C', '2026-01-05T09:00:00.000000Z'),
];

describe("a handset's thread", () => {
  it('hides what was sent to the phone up to the message its clear names, even in the same instant', () => {
    const shown = thread(
      { phone: '12025550190', inbox: [], outbox: [], cleared_after: 'B' },
      records,
    );
    expect(shown.map((item) => item.text)).toEqual(['message C']);
  });

  it('shows everything when never cleared, or when the named message is no longer kept', () => {
    const never = thread({ phone: '12025550190', inbox: [], outbox: [] }, records);
    const gone = thread(
      { phone: '12025550190', inbox: [], outbox: [], cleared_after: 'Z' },
      records,
    );
    expect(never).toHaveLength(3);
    expect(gone).toHaveLength(3);
  });
});
