// The account's callback URL is held to the rule a send's callback_url is: HTTPS on 443, loopback let in with a note (§11.5).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../lib/clock';
import { createFileStorage, createSimulator } from '../../simulator/index';
import { type Harness, startHarness } from './harness';

type Problem = { error: { code: string; field?: string; message: string } };

describe("the account's callback URL", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());
  const put = (url: string | null) =>
    h.control('PUT', `/_sim/accounts/${h.customerId}/callback-url`, { url });

  it('refuses an http:// URL on a public host with a 400 naming the field and the rule', async () => {
    const { status, body } = await put('http://example.com/telesign');
    expect(status).toBe(400);
    expect((body as Problem).error).toEqual({
      code: 'invalid_field',
      field: 'url',
      message: 'url must be https:// (TeleSign posts callbacks over HTTPS only)',
    });
    const account = await h.control('GET', `/_sim/accounts/${h.customerId}`);
    expect((account.body as { callback_url: string | null }).callback_url).not.toBe(
      'http://example.com/telesign',
    );
  });

  it('refuses https on another port', async () => {
    const { status, body } = await put('https://example.com:8443/telesign');
    expect(status).toBe(400);
    expect((body as Problem).error.message).toBe('url must use port 443, not 8443');
  });

  it('refuses a new account whose callback_url breaks the rule, and creates none', async () => {
    const before = ((await h.control('GET', '/_sim/accounts')).body as unknown[]).length;
    const { status, body } = await h.control('POST', '/_sim/accounts', {
      callback_url: 'http://example.com/telesign',
    });
    expect(status).toBe(400);
    expect((body as Problem).error).toMatchObject({ code: 'invalid_field', field: 'callback_url' });
    expect(((await h.control('GET', '/_sim/accounts')).body as unknown[]).length).toBe(before);
  });

  it('accepts https on 443 and clearing it', async () => {
    expect((await put('https://example.com/telesign')).status).toBe(200);
    expect((await put(null)).status).toBe(200);
  });

  it('accepts a loopback http URL and notes in the journal that TeleSign would refuse it', async () => {
    expect((await put('http://127.0.0.1:4020/telesign/x')).status).toBe(200);
    const journal = await h.control(
      'GET',
      `/_sim/journal?kind=control&customer_id=${h.customerId}`,
    );
    const last = (journal.body as { detail: string }[]).at(-1);
    expect(last?.detail).toMatch(
      /callback URL set to http:\/\/127\.0\.0\.1:4020\/telesign\/x; url http:\/\/127\.0\.0\.1:4020 accepted because it is a loopback host; TeleSign would refuse it/,
    );
  });

  it('treats http://channel.local as loopback only where it is an in-process host', async () => {
    expect((await put('http://channel.local/telesign/x')).status).toBe(400);
    const inProcess = await startHarness({ inProcessHosts: ['channel.local'] });
    try {
      const set = await inProcess.control(
        'PUT',
        `/_sim/accounts/${inProcess.customerId}/callback-url`,
        { url: 'http://channel.local/telesign/x' },
      );
      expect(set.status).toBe(200);
      const journal = await inProcess.control('GET', '/_sim/journal?kind=control');
      expect((journal.body as { detail: string }[]).at(-1)?.detail).toMatch(
        /in-process host; TeleSign would refuse it/,
      );
      // …and no more than loopback: another port of a public name stays refused.
      const other = await inProcess.control(
        'PUT',
        `/_sim/accounts/${inProcess.customerId}/callback-url`,
        { url: 'http://channel.example/telesign/x' },
      );
      expect(other.status).toBe(400);
    } finally {
      await inProcess.sim.close();
    }
  });
});

describe('a stored callback URL that breaks the rule', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'sim-callback-url-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('is dropped at load, and the journal keeps what it was and why', async () => {
    const first = createSimulator({ clock: createManualClock(0), ...createFileStorage(folder) });
    await first.backend.ready;
    const account = await first.backend.accounts.create({});
    await first.close();
    // Edited by hand, or written before the rule.
    const file = join(folder, 'telesign.json');
    const world = JSON.parse(await readFile(file, 'utf8'));
    world.accounts[account.customerId].callbackUrl = 'http://example.com/cb';
    await writeFile(file, JSON.stringify(world));

    const second = createSimulator({ clock: createManualClock(0), ...createFileStorage(folder) });
    try {
      await second.backend.ready;
      expect(second.backend.accounts.get(account.customerId).callbackUrl).toBeNull();
      const [entry] = second.backend.journal.list({ kind: 'state' });
      expect(entry?.detail).toMatch(
        /^stored callback URL http:\/\/example\.com\/cb dropped at load: callback_url must be https:\/\//,
      );
    } finally {
      await second.close();
    }
  });
});
