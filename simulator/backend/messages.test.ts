import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../lib/clock';
import { createCallbacks } from './callbacks';
import { createFaults } from './faults';
import { createHandsets } from './handsets';
import { createJournal } from './journal';
import { createMessages, type NewMessage } from './messages';

function setup(capacity: number) {
  const clock = createManualClock();
  const journal = createJournal(clock.now);
  const handsets = createHandsets();
  const callbacks = createCallbacks({
    clock,
    fetch: async () => new Response('ok'),
    journal,
    faults: createFaults(),
  });
  const messages = createMessages({
    clock,
    journal,
    handsets,
    callbacks,
    accountCallbackUrl: () => null,
    capacity,
  });
  return { clock, messages, handsets };
}

const input = (n: number): NewMessage => ({
  referenceId: `R${n}`,
  customerId: 'C',
  apiKey: 'a2V5',
  phoneNumber: '15555550100',
  senderId: 'TeleSign',
  message: `message ${n}`,
  messageType: 'ARN',
  externalId: null,
  callbackUrl: null,
  delivery: { policy: 'immediate' },
});

describe('the message store', () => {
  it('forgets the oldest messages once past its capacity and keeps the newest', () => {
    const { messages } = setup(3);
    for (let n = 0; n < 10; n++) messages.submit(input(n));
    expect(messages.list().map((m) => m.referenceId)).toEqual(['R7', 'R8', 'R9']);
    expect(messages.findAny('R6')).toBeUndefined();
  });

  it('keeps evicting in submission order across many rounds past the capacity', () => {
    const { messages } = setup(100);
    for (let n = 0; n < 1_000; n++) messages.submit(input(n));
    const kept = messages.list().map((m) => m.referenceId);
    expect(kept).toHaveLength(100);
    expect(kept[0]).toBe('R900');
    expect(kept.at(-1)).toBe('R999');
  });

  it('keeps restored messages ahead of newer ones within the capacity', () => {
    const { messages } = setup(3);
    messages.submit(input(9));
    const old = setup(10);
    const kept = [1, 2, 3].map((n) => old.messages.submit(input(n)));
    messages.restore(kept);
    expect(messages.list().map((m) => m.referenceId)).toEqual(['R2', 'R3', 'R9']);
  });

  it("lists one phone's messages from its own index, in order, and forgets them with the store", () => {
    const { messages } = setup(4);
    const to = (n: number, phone: string) => messages.submit({ ...input(n), phoneNumber: phone });
    for (let n = 0; n < 6; n++) to(n, n % 2 ? '15555550101' : '15555550102');
    const refs = (phone: string) => messages.listToPhone(phone).map((m) => m.referenceId);
    // R0 and R1 were forgotten with the store's capacity of 4.
    expect(refs('15555550101')).toEqual(['R3', 'R5']);
    expect(refs('15555550102')).toEqual(['R2', 'R4']);
    expect(refs('15555550199')).toEqual([]);
    // Restored messages come before the newer ones, in the index too.
    const next = setup(10);
    next.messages.submit({ ...input(9), phoneNumber: '15555550101' });
    next.messages.restore(messages.listToPhone('15555550101'));
    expect(next.messages.listToPhone('15555550101').map((m) => m.referenceId)).toEqual([
      'R3',
      'R5',
      'R9',
    ]);
    messages.reset();
    expect(refs('15555550101')).toEqual([]);
  });

  it('puts a delivered message in the handset inbox', async () => {
    const { clock, messages, handsets } = setup(3);
    messages.submit(input(1));
    await clock.runDue();
    expect(handsets.get('15555550100').inbox.map((m) => m.referenceId)).toEqual(['R1']);
  });
});
