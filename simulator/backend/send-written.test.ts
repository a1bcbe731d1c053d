import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../lib/clock';
import { createBackend } from './backend';
import { createMemoryTraffic, type TrafficStore } from './traffic-store';

/** A traffic store whose writes finish only when the test says so. */
function heldTraffic() {
  let release: (error?: Error) => void = () => {};
  const written = new Promise<void>((resolve, reject) => {
    release = (error) => (error ? reject(error) : resolve());
  });
  written.catch(() => undefined);
  const lines: string[] = [];
  const traffic: TrafficStore = {
    ...createMemoryTraffic(),
    append: (record) => void lines.push(record.t),
    committed: () => written,
  };
  return { traffic, lines, release };
}

const request = {
  phoneNumber: '15555550100',
  message: 'Kept before answered',
  messageType: 'ARN' as const,
  senderId: null,
  externalId: null,
  callbackUrl: null,
};

describe('a send and its traffic line', () => {
  it('is answered only once the message line is written', async () => {
    const held = heldTraffic();
    const backend = createBackend({ clock: createManualClock(0), traffic: held.traffic });
    await backend.ready;
    const account = await backend.accounts.create({});
    let answered = false;
    const sending = backend.send(account, request).then((outcome) => {
      answered = true;
      return outcome;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(held.lines).toEqual(['message']);
    expect(answered).toBe(false);
    held.release();
    expect((await sending).ok).toBe(true);
  });

  it('fails the send when the line cannot be written, rather than answer 200', async () => {
    const held = heldTraffic();
    const backend = createBackend({ clock: createManualClock(0), traffic: held.traffic });
    await backend.ready;
    const account = await backend.accounts.create({});
    held.release(new Error('ENOSPC: no space left on device'));
    await expect(backend.send(account, request)).rejects.toThrow('ENOSPC');
  });

  it('answers a handset text only once its outbox line is written', async () => {
    const held = heldTraffic();
    const backend = createBackend({ clock: createManualClock(0), traffic: held.traffic });
    await backend.ready;
    const account = await backend.accounts.create({});
    await backend.numbers.purchase(account.customerId, { number: '14155550100' });
    let answered = false;
    const texting = backend.textFromHandset('12025550101', '14155550100', 'Hi').then(() => {
      answered = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(held.lines).toContain('outbox');
    expect(answered).toBe(false);
    held.release();
    await texting;
    expect(answered).toBe(true);
  });
});
