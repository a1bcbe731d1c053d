// `npm run sim` as a user runs it: a child process on free ports, the official SDK, Ctrl-C, a restart.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startSim, stop } from './sim-process';

interface SdkReply {
  status: { code: number; description: string };
  reference_id: string;
}
type TeleSignSdk = new (
  customerId: string,
  apiKey: string,
  restEndpoint: string,
  timeoutMs: number,
) => {
  sms: {
    message(
      callback: (error: unknown, reply: SdkReply) => void,
      phoneNumber: string,
      message: string,
      messageType: string,
    ): void;
  };
};
const TeleSignSDK = createRequire(import.meta.url)('telesignsdk') as TeleSignSdk;

const CUSTOMER = '12025550102';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sim-process-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run sim as a process', () => {
  it('starts, takes SMS from the official SDK, stops on SIGINT and keeps the conversation and the handset thread across a restart', async () => {
    const first = await startSim(dataDir);
    const { banner } = first;
    // How fast it gets ready is a figure printed by `npm run bench -- startup`, not a timed test;
    // here the banner only has to report its start-up time.
    expect(first.output()).toMatch(/Started in \d+ ms/);

    // The printed credentials work with TeleSign's own SDK.
    const sdk = new TeleSignSDK(banner.customerId, banner.apiKey, banner.telesignUrl, 5_000);
    const reply = await new Promise<SdkReply>((ok, fail) =>
      sdk.sms.message(
        (error, body) => (error ? fail(error) : ok(body)),
        CUSTOMER,
        'Your code is 1234',
        'ARN',
      ),
    );
    expect(reply.status.code).toBe(290);
    expect(reply.reference_id).toMatch(/^[0-9A-F]{32}$/);

    // The customer texts the support number, as the printed curl command does.
    const texted = await fetch(`${banner.telesignUrl}/_sim/handsets/${CUSTOMER}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: banner.supportNumber, text: 'Is my invoice ready?' }),
    });
    expect(texted.status).toBe(201);
    const list = async (url: string) =>
      (
        (await (await fetch(`${url}/api/conversations?customerNumber=${CUSTOMER}`)).json()) as {
          items: Array<{ id: string; state: string }>;
        }
      ).items;
    await expect.poll(() => list(banner.channelUrl).then((l) => l.length)).toBe(1);
    const [conversation] = await list(banner.channelUrl);
    const thread = async (url: string) => {
      const body = (await (await fetch(`${url}/_sim/handsets/${CUSTOMER}/messages`)).json()) as {
        inbox: Array<{ text: string }>;
        outbox: Array<{ text: string }>;
      };
      return { inbox: body.inbox.map((m) => m.text), outbox: body.outbox.map((m) => m.text) };
    };
    const expectedThread = { inbox: ['Your code is 1234'], outbox: ['Is my invoice ready?'] };
    // The SDK's message reaches the phone about a second after it was sent.
    await expect.poll(() => thread(banner.telesignUrl)).toEqual(expectedThread);

    expect(await stop(first.child)).toBe(0);
    expect(first.output()).toContain('Stopped.');
    // The API keys on disk are the user's alone: folders 0700, files 0600 (lowdb's and the journals').
    const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
    const modes = await Promise.all(
      entries.map(async (e) => {
        const path = join(e.parentPath, e.name);
        return `${path.slice(dataDir.length)} ${((await stat(path)).mode & 0o777).toString(8)}`;
      }),
    );
    expect(modes.length).toBeGreaterThan(2);
    for (const line of modes) expect(line).toMatch(/ (600|700)$/);

    const second = await startSim(dataDir);
    console.info(`time to ready, restart: ${second.readyMs} ms`);
    try {
      expect(second.output()).toContain('kept from last run');
      expect(second.banner.customerId).toBe(banner.customerId);
      expect(await list(second.banner.channelUrl)).toEqual([
        expect.objectContaining({ id: conversation?.id, state: conversation?.state }),
      ]);
      // The fake TeleSign's side survives too: the handset's thread is still there.
      expect(await thread(second.banner.telesignUrl)).toEqual(expectedThread);
    } finally {
      expect(await stop(second.child)).toBe(0);
    }
  }, 90_000);

  it('exits with code 2 and names the problem for a bad flag', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bin/sim.ts', '--clock', 'sideways'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code).toBe(2);
    expect(err).toContain('npm run sim: --clock must be real or manual (clock)');
  }, 40_000);
});
