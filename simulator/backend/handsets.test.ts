import { describe, expect, it } from 'vitest';
import { createHandsets, type InboxMessage, type OutboxMessage } from './handsets';

const received = (n: number): InboxMessage => ({
  referenceId: `R${n}`,
  from: '14155550100',
  text: `to phone ${n}`,
  receivedAt: '2026-01-05T09:00:00.000Z',
  segments: 1,
  encoding: 'GSM-7',
});
const sent = (n: number): OutboxMessage => ({
  referenceId: `S${n}`,
  to: '14155550100',
  text: `from phone ${n}`,
  sentAt: '2026-01-05T09:00:00.000Z',
  customerId: null,
  callback: null,
});

describe('handsets', () => {
  it('keeps only the newest messages of a thread past its capacity', () => {
    const handsets = createHandsets({ threadCapacity: 10 });
    for (let n = 0; n < 25; n++) handsets.receive('15550001', received(n));
    const inbox = handsets.get('15550001').inbox.map((m) => m.referenceId);
    expect(inbox.length).toBeLessThanOrEqual(11);
    expect(inbox.at(-1)).toBe('R24');
    expect(inbox).not.toContain('R0');
  });

  it('bounds the outbox the same way', () => {
    const handsets = createHandsets({ threadCapacity: 10 });
    for (let n = 0; n < 25; n++) handsets.send('15550001', sent(n));
    expect(handsets.get('15550001').outbox.length).toBeLessThanOrEqual(11);
  });

  it('forgets the phone first seen longest ago past the phone capacity', () => {
    const handsets = createHandsets({ phoneCapacity: 3 });
    for (let n = 0; n < 5; n++) handsets.receive(`1555000${n}`, received(n));
    expect(handsets.list().map((h) => h.phone)).toEqual(['15550002', '15550003', '15550004']);
    expect(handsets.get('15550000').inbox).toEqual([]);
  });

  it('does not remember a phone that is only looked at', () => {
    const handsets = createHandsets();
    expect(handsets.get('15550009').inbox).toEqual([]);
    expect(handsets.list()).toEqual([]);
  });

  it('puts restored threads before what arrived since, within the capacity', () => {
    const handsets = createHandsets({ threadCapacity: 3 });
    handsets.receive('15550001', received(9));
    handsets.restore([{ phone: '15550001', inbox: [1, 2, 3].map(received), outbox: [] }]);
    expect(handsets.get('15550001').inbox.map((m) => m.referenceId)).toEqual(['R2', 'R3', 'R9']);
  });
});
