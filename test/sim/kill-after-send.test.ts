// A 200 from the fake TeleSign's POST /v1/messaging means the message is written (issue 11): a
// kill -9 straight after the answer loses nothing, and the restarted fake still knows the message.

import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, stop } from './sim-process';

const IN_FLIGHT = 50;
const SENDS = 600;
/** The sim is killed the moment this many sends were answered 200. */
const KILL_AFTER = 300;
// Long texts make long lines, so that writes queue behind one another while answers go out.
const TEXT = `Acknowledged means kept. ${'x'.repeat(1500)}`;

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sim-kill-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: string;
}

function post(agent: Agent, url: URL, authorization: string, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        method: 'POST',
        headers: {
          authorization,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('a send answered just before a crash', () => {
  it('is still known to the fake TeleSign after kill -9 and a restart', async () => {
    const first = await startSim(folder);
    const { telesignUrl, customerId, apiKey } = first.banner;
    const authorization = `Basic ${btoa(`${customerId}:${apiKey}`)}`;
    const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
    const acknowledged: string[] = [];
    let killed = false;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (!killed && next < SENDS) {
        const i = next++;
        const body = new URLSearchParams({
          phone_number: `1303555${String(1000 + (i % 500)).padStart(4, '0')}`,
          message: `${i} ${TEXT}`,
          message_type: 'ARN',
        }).toString();
        const answer = await post(
          agent,
          new URL('/v1/messaging', telesignUrl),
          authorization,
          body,
        ).catch(() => null);
        if (killed || !answer) return;
        expect(answer.status).toBe(200);
        acknowledged.push((JSON.parse(answer.body) as { reference_id: string }).reference_id);
        if (acknowledged.length === KILL_AFTER) {
          // At once, in the same tick as the answer: nothing more may reach the disk after it.
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    await exited;
    agent.destroy();
    expect(acknowledged).toHaveLength(KILL_AFTER);

    const second = await startSim(folder);
    try {
      const missing: string[] = [];
      for (const referenceId of acknowledged) {
        const status = await fetch(`${second.banner.telesignUrl}/v1/messaging/${referenceId}`, {
          headers: { authorization },
        });
        if (status.status !== 200) missing.push(`${referenceId} → ${status.status}`);
        await status.body?.cancel();
      }
      expect(missing).toEqual([]);
    } finally {
      await stop(second.child);
    }
  }, 60_000);
});
