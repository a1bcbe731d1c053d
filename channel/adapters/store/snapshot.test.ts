import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storedMessage } from '../../../test/support/channel-records';
import type { Message } from '../../domain/model';
import { SCHEMA_VERSION } from './schema';
import { createStore } from './store';

const folders: string[] = [];
const tempFolder = async () => {
  const folder = await mkdtemp(join(tmpdir(), 'channel-snapshot-'));
  folders.push(folder);
  return folder;
};
afterEach(async () => {
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});
const silent = () => undefined;
const message = (id: string, conversationId: string): Message =>
  storedMessage(id, conversationId, { chars: 8 });

describe('the snapshot as JSON lines', () => {
  it('writes a header line, then one record per line', async () => {
    const folder = await tempFolder();
    const store = createStore({ folder, warn: silent });
    await store.load();
    for (let i = 0; i < 3; i++) await store.saveMessage(message(`m_${i}`, 'cv_1'));
    await store.compact();
    await store.close();
    const lines = (await readFile(join(folder, 'records.jsonl'), 'utf8')).trim().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      schemaVersion: SCHEMA_VERSION,
      coversGeneration: 0,
      historySegments: 0,
      eventSegments: 0,
      conversationSegments: 0,
      nextConversationSeq: 0,
    });
    expect(lines.slice(1).map((l) => JSON.parse(l).v.id)).toEqual(['m_0', 'm_1', 'm_2']);
  });

  it('still reads a one-document records.json of an earlier version, then replaces it', async () => {
    const folder = await tempFolder();
    await writeFile(
      join(folder, 'records.json'),
      JSON.stringify({
        schemaVersion: SCHEMA_VERSION,
        coversGeneration: -1,
        conversations: [],
        messages: [message('m_old', 'cv_1')],
        inboundEvents: [],
      }),
    );
    const store = createStore({ folder, warn: silent });
    const state = await store.load();
    expect([...state.messages.keys()]).toEqual(['m_old']);
    await store.saveMessage(message('m_new', 'cv_1'));
    await store.compact();
    await store.close();
    expect(await readdir(folder)).not.toContain('records.json');
    const again = await createStore({ folder, warn: silent }).load();
    expect([...again.messages.keys()]).toEqual(['m_old', 'm_new']);
  });

  it('refuses a snapshot written by a newer schema', async () => {
    const folder = await tempFolder();
    await writeFile(
      join(folder, 'records.jsonl'),
      `${JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, coversGeneration: 0 })}\n`,
    );
    await expect(createStore({ folder, warn: silent }).load()).rejects.toThrow(
      /records.jsonl was written by a newer version/,
    );
  });
});
