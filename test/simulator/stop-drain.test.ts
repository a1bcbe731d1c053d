// A stop lets requests in flight finish: a send the fake was still handling is answered and kept.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../lib/clock';
import type { FetchHandler } from '../../lib/listen';
import { createFileStorage, createSimulator } from '../../simulator/index';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sim-drain-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('stopping the fake with a send in flight', () => {
  it('answers the send, refuses new connections meanwhile, and keeps the message', async () => {
    const clock = createManualClock(Date.now());
    const first = createSimulator({ clock, ...createFileStorage(folder) });
    let arrived: () => void = () => {};
    const entered = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Holds the send at the socket until the stop has begun.
    const hold =
      (handler: FetchHandler): FetchHandler =>
      async (request, env) => {
        if (new URL(request.url).pathname === '/v1/messaging') {
          arrived();
          await released;
        }
        return handler(request, env);
      };
    const { url } = await first.listen(0, '127.0.0.1', hold);
    const account = await first.backend.accounts.create({});
    // The query keeps the send off the node:http fast path (wire-send.ts), which no wrap sees.
    const sending = fetch(`${url}/v1/messaging?held=1`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${btoa(`${account.customerId}:${account.apiKey}`)}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'phone_number=15555550100&message=Sent+during+the+stop&message_type=ARN',
    });
    await entered;
    const stopped = first.close();
    await expect(fetch(`${url}/_sim/accounts`)).rejects.toThrow();
    release();
    const answer = await sending;
    expect(answer.status).toBe(200);
    const { reference_id } = (await answer.json()) as { reference_id: string };
    await stopped;

    const second = createSimulator({ clock, ...createFileStorage(folder) });
    try {
      await second.backend.ready;
      expect(second.backend.messages.findAny(reference_id)?.message).toBe('Sent during the stop');
    } finally {
      await second.close();
    }
  });
});
