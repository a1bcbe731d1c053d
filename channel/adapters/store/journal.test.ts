import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JournalWriter, journalPath, readJournal } from './journal';
import type { JournalRecord } from './schema';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

const inbound = (n: number): JournalRecord => ({
  t: 'inbound',
  v: {
    kind: 'sms',
    referenceId: `ref-${n}`,
    receivedAt: n,
    rawBody: `{"n":${n}}`,
    outcome: 'accepted',
  },
});

describe('JournalWriter', () => {
  it('keeps the order of lines appended together and while a write is in flight', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'channel-journal-'));
    folders.push(folder);
    const writer = new JournalWriter(folder, 0);
    const first = Array.from({ length: 50 }, (_, n) => writer.append(inbound(n)));
    await Promise.resolve();
    const second = Array.from({ length: 50 }, (_, n) => writer.append(inbound(50 + n)));
    await Promise.all([...first, ...second]);
    const records = await readJournal(journalPath(folder, 0), () => undefined);
    expect(records.map((r) => (r.t === 'inbound' ? r.v.referenceId : ''))).toEqual(
      Array.from({ length: 100 }, (_, n) => `ref-${n}`),
    );
    await writer.close();
  });

  it('writes lines still waiting when it is closed', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'channel-journal-'));
    folders.push(folder);
    const writer = new JournalWriter(folder, 0);
    const pending = [writer.append(inbound(1)), writer.append(inbound(2))];
    await writer.close();
    await Promise.all(pending);
    const text = await readFile(journalPath(folder, 0), 'utf8');
    expect(text.trim().split('\n')).toHaveLength(2);
  });
});
