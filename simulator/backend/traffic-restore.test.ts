import { describe, expect, it } from 'vitest';
import type { CallbackRecord } from './callbacks';
import type { MessageRecord } from './messages';
import { compactRecords, compactSize, foldTraffic } from './traffic-restore';
import type { TrafficRecord } from './traffic-schema';

const at = '2026-01-05T09:00:00.000Z';
const message = (referenceId: string): MessageRecord => ({
  referenceId,
  customerId: 'C',
  phoneNumber: '12025550101',
  senderId: '14155550100',
  message: `text ${referenceId}`,
  messageType: 'ARN',
  externalId: null,
  callbackUrl: null,
  submittedAt: at,
  chars: 6,
  segments: 1,
  encoding: 'GSM-7',
  delivery: { policy: 'default' },
  status: { code: 290, description: 'Message in progress', updatedOn: at },
  history: [{ code: 290, description: 'Message in progress', updatedOn: at }],
  callbacks: [],
});
const callback = (
  id: number,
  referenceId: string,
  state: CallbackRecord['state'],
): CallbackRecord => ({
  id,
  kind: 'delivery-report',
  url: 'http://channel.test/cb',
  referenceId,
  customerId: 'C',
  state,
  attempts: [],
});

describe('folding the traffic journal', () => {
  it('applies status lines to their message in order', () => {
    const state = foldTraffic(
      [
        { t: 'message', v: message('A') },
        {
          t: 'status',
          ref: 'A',
          v: { code: 203, description: 'Delivered to gateway', updatedOn: at },
        },
      ],
      10,
    );
    expect(state.messages[0]?.history.map((s) => s.code)).toEqual([290, 203]);
    expect(state.messages[0]?.status.code).toBe(203);
  });

  it('keeps only the latest copy of a callback', () => {
    const state = foldTraffic(
      [
        { t: 'message', v: message('A') },
        { t: 'callback', v: callback(4, 'A', 'pending') },
        { t: 'callback', v: callback(4, 'A', 'delivered') },
      ],
      10,
    );
    expect(state.messages[0]?.callbacks.map((c) => [c.id, c.state])).toEqual([[4, 'delivered']]);
    expect(state.lastCallbackId).toBe(4);
  });

  it('forgets the oldest messages beyond its capacity and ignores their later lines', () => {
    const records: TrafficRecord[] = [
      { t: 'message', v: message('A') },
      { t: 'message', v: message('B') },
      {
        t: 'status',
        ref: 'A',
        v: { code: 200, description: 'Delivered to handset', updatedOn: at },
      },
    ];
    expect(foldTraffic(records, 1).messages.map((m) => m.referenceId)).toEqual(['B']);
  });

  it('writes back compactly into the same state', () => {
    const records: TrafficRecord[] = [
      { t: 'message', v: message('A') },
      {
        t: 'status',
        ref: 'A',
        v: { code: 200, description: 'Delivered to handset', updatedOn: at },
      },
      { t: 'callback', v: callback(9, 'A', 'delivered') },
      {
        t: 'inbox',
        phone: '12025550101',
        v: {
          referenceId: 'A',
          from: '14155550100',
          text: 'text A',
          receivedAt: at,
          segments: 1,
          encoding: 'GSM-7',
        },
      },
    ];
    const state = foldTraffic(structuredClone(records), 10);
    const compact = [...compactRecords(state)];
    expect(compact).toHaveLength(compactSize(state));
    expect(foldTraffic(structuredClone(compact), 10)).toEqual(state);
  });

  it('writes a pending retry and an abandoned callback back with their jobs and plans', () => {
    const job = {
      kind: 'delivery-report' as const,
      customerId: 'C',
      url: 'https://channel.test/cb',
      referenceId: 'A',
      body: '{}',
    };
    const records: TrafficRecord[] = [
      { t: 'message', v: message('A') },
      { t: 'callback', v: callback(1, 'A', 'pending'), job, next: { attempt: 1, at: 5 } },
      { t: 'callback', v: callback(1, 'A', 'pending'), next: { attempt: 2, at: 10_005 } },
      { t: 'callback', v: callback(2, 'A', 'pending'), job, next: { attempt: 1, at: 5 } },
      { t: 'callback', v: callback(2, 'A', 'failed'), next: null },
    ];
    const state = foldTraffic(structuredClone(records), 10);
    expect(state.callbacks.map((c) => [c.record.id, c.record.state, c.next])).toEqual([
      [1, 'pending', { attempt: 2, at: 10_005 }],
      [2, 'failed', null],
    ]);
    const compact = [...compactRecords(state)];
    expect(compact).toHaveLength(compactSize(state));
    expect(foldTraffic(structuredClone(compact), 10)).toEqual(state);
  });
});
