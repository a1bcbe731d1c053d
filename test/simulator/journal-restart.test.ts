// GET /_sim/journal survives a restart (with --data): the newest entries, bounded on disk, no API key, 0600 files.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../lib/clock';
import type { Simulator } from '../../simulator/index';
import { fakesOnADataFolder } from './on-a-data-folder';
import { rawRequest } from './raw-request';
import { call, sdkClient } from './telesign-sdk';

const fakes = fakesOnADataFolder('sim-journal-');

function start(journalCapacity?: number): Simulator {
  return fakes.start({
    clock: createManualClock(Date.now()),
    ...(journalCapacity !== undefined && { journalCapacity }),
    fetch: async () => new Response(null, { status: 200 }),
  });
}
const stop = fakes.stop;
type Listed = { seq: number; kind: string; detail: string }[];
const journalOf = async (sim: Simulator): Promise<Listed> =>
  (await (await sim.app.request('/_sim/journal')).json()) as Listed;
const journalLines = async (): Promise<string[]> => {
  const files = (await readdir(fakes.folder())).filter((f) => f.startsWith('telesign-journal'));
  const texts = await Promise.all(files.map((f) => readFile(join(fakes.folder(), f), 'utf8')));
  return texts.join('').split('\n').filter(Boolean);
};

describe('the journal across a restart', () => {
  it('lists after a restart what it listed before, and numbers new entries after it', async () => {
    const first = start();
    const { url } = await first.listen(0);
    const account = await first.backend.accounts.create({
      callbackUrl: 'https://receiver.test/cb',
    });
    const client = sdkClient(account.customerId, account.apiKey, url);
    await call((cb) => client.sms.message(cb, '15555550100', 'Hi', 'ARN'));
    await (first.backend.clock as ManualClock).advance(60_000);
    const before = await journalOf(first);
    expect(before.map((e) => e.kind)).toEqual(expect.arrayContaining(['api', 'state', 'callback']));
    await stop(first);

    const second = start();
    await second.backend.ready;
    expect(await journalOf(second)).toEqual(before);
    const next = second.backend.journal.record({ kind: 'control', detail: 'after the restart' });
    expect(next.seq).toBe((before.at(-1)?.seq ?? 0) + 1);
  });

  it('keeps the newest entries on disk, at most twice the capacity, and loads the newest capacity', async () => {
    const first = start(5);
    await first.backend.ready;
    for (let i = 1; i <= 23; i++) first.backend.journal.record({ kind: 'control', detail: `${i}` });
    await stop(first);
    const lines = await journalLines();
    expect(lines.length).toBeLessThanOrEqual(10);

    const second = start(5);
    await second.backend.ready;
    expect((await journalOf(second)).map((e) => [e.seq, e.detail])).toEqual(
      [19, 20, 21, 22, 23].map((n) => [n, `${n}`]),
    );
  });

  it('forgets what DELETE /_sim/journal cleared, after the restart too', async () => {
    const first = start(5);
    await first.backend.ready;
    for (let i = 1; i <= 12; i++) first.backend.journal.record({ kind: 'control', detail: `${i}` });
    await first.app.request('/_sim/journal', { method: 'DELETE' });
    first.backend.journal.record({ kind: 'control', detail: 'after the clear' });
    await stop(first);

    const second = start(5);
    await second.backend.ready;
    expect((await journalOf(second)).map((e) => e.detail)).toEqual(['after the clear']);
  });

  it('puts no API key in its files, and they are readable by their owner only', async () => {
    const first = start();
    const { url } = await first.listen(0);
    const account = await first.backend.accounts.create({
      callbackUrl: 'https://receiver.test/cb',
    });
    const basic = btoa(`${account.customerId}:${account.apiKey}`);
    const form = 'phone_number=15555550100&message=Hi&message_type=ARN';
    // Basic credentials, a signed request, one with the wrong key, and a callback.
    await fetch(`${url}/v1/messaging`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: form,
    });
    await rawRequest(url, { customerId: account.customerId, apiKey: account.apiKey, body: form });
    await rawRequest(url, {
      customerId: account.customerId,
      apiKey: btoa('wrong key'),
      body: form,
    });
    await (first.backend.clock as ManualClock).advance(60_000);
    await stop(first);

    const files = (await readdir(fakes.folder())).filter((f) => f.startsWith('telesign-journal'));
    expect(files.length).toBeGreaterThan(0);
    const text = (await journalLines()).join('\n');
    expect(text).toContain('<API key hidden>');
    expect(text).toContain('"kind":"callback"');
    expect(text).not.toContain(account.apiKey);
    expect(text).not.toContain(basic);
    for (const file of files)
      expect((await stat(join(fakes.folder(), file))).mode & 0o777).toBe(0o600);
  });
});
