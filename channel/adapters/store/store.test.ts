import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storedConversation, storedMessage } from '../../../test/support/channel-records';
import type { Conversation, InboundEvent, Message } from '../../domain/model';
import { SCHEMA_VERSION } from './schema';
import { createStore } from './store';

const folders: string[] = [];
const tempFolder = async () => {
  const folder = await mkdtemp(join(tmpdir(), 'channel-store-'));
  folders.push(folder);
  return folder;
};
afterEach(async () => {
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

const conversation = (id: string): Conversation => storedConversation(id);
const message = (id: string, conversationId: string): Message => storedMessage(id, conversationId);
const silent = () => undefined;

describe('channel store', () => {
  it('keeps configuration, conversations, messages and inbound events across a restart', async () => {
    const folder = await tempFolder();
    const first = createStore({ folder, warn: silent });
    const state = await first.load();
    state.config.organisation = { id: 'org_1', token: 'tok' };
    state.config.queues.push({ id: 'q_def', name: 'Default', isDefault: true });
    await first.saveConfig();
    await first.saveConversation(conversation('cv_1'));
    await first.saveMessage(message('m_1', 'cv_1'));
    await first.saveConversation({ ...conversation('cv_1'), state: 'active' });
    await first.saveInboundEvent({
      kind: 'sms',
      referenceId: 'R1',
      receivedAt: 1,
      rawBody: '{}',
      outcome: 'accepted',
      conversationId: 'cv_1',
    });
    await first.close();

    const again = await createStore({ folder, warn: silent }).load();
    expect(again.config.organisation).toEqual({ id: 'org_1', token: 'tok' });
    expect(again.config.queues).toHaveLength(1);
    expect(again.conversations.get('cv_1')?.state).toBe('active');
    expect(again.messagesByConversation.get('cv_1')).toEqual(['m_1']);
    expect(again.inboundEvents.map((e) => e.referenceId)).toEqual(['R1']);
  });

  it('reads an inbound event written before delivery reports were kept as an inbound SMS', async () => {
    const folder = await tempFolder();
    const first = createStore({ folder, warn: silent });
    await first.load();
    const { kind: _none, ...older } = {
      kind: 'sms' as const,
      referenceId: 'R0',
      receivedAt: 1,
      rawBody: '{}',
      outcome: 'accepted' as const,
    };
    await first.saveInboundEvent(older as InboundEvent);
    await first.close();

    const again = await createStore({ folder, warn: silent }).load();
    expect(again.inboundEvents).toEqual([{ ...older, kind: 'sms' }]);
  });

  it('writes the configuration with a schema version', async () => {
    const folder = await tempFolder();
    const store = createStore({ folder, warn: silent });
    await store.load();
    await store.saveConfig();
    await store.close();
    expect(JSON.parse(await readFile(join(folder, 'channel.json'), 'utf8')).schemaVersion).toBe(
      SCHEMA_VERSION,
    );
  });

  it('migrates a configuration written before the schema version existed', async () => {
    const folder = await tempFolder();
    await writeFile(
      join(folder, 'channel.json'),
      JSON.stringify({ queues: [{ id: 'q', name: 'Q', isDefault: true }] }),
    );
    const state = await createStore({ folder, warn: silent }).load();
    expect(state.config).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      queues: [{ id: 'q' }],
      agents: [],
    });
  });

  it('skips a torn last journal line with a warning and keeps appending cleanly', async () => {
    const folder = await tempFolder();
    const first = createStore({ folder, warn: silent });
    await first.load();
    await first.saveMessage(message('m_1', 'cv_1'));
    await first.close();
    await appendFile(join(folder, 'journal-000000.jsonl'), '{"t":"message","v":{"id":"m_2","conv');

    const second = createStore({ folder, warn: silent });
    const state = await second.load();
    expect([...state.messages.keys()]).toEqual(['m_1']);
    expect(second.warnings).toEqual([
      expect.stringMatching(/skipped an unreadable line 2 \(torn by an interrupted write\)/),
    ]);
    await second.saveMessage(message('m_3', 'cv_1'));
    await second.close();

    const third = createStore({ folder, warn: silent });
    expect([...(await third.load()).messages.keys()]).toEqual(['m_1', 'm_3']);
    expect(third.warnings).toEqual([]);
  });

  it('folds the journal into a snapshot and still finds everything after a restart', async () => {
    const folder = await tempFolder();
    const store = createStore({ folder, compactEvery: 3, warn: silent });
    await store.load();
    for (let i = 0; i < 7; i++) await store.saveMessage(message(`m_${i}`, 'cv_1'));
    await store.compact();
    await store.saveMessage(message('m_7', 'cv_1'));
    await store.close();
    const state = await createStore({ folder, warn: silent }).load();
    expect(state.messagesByConversation.get('cv_1')).toHaveLength(8);
  });

  it('keeps everything in memory when no folder is given', async () => {
    const store = createStore();
    const state = await store.load();
    await store.saveMessage(message('m_1', 'cv_1'));
    expect(store.kind).toBe('memory');
    expect(state.messages.size).toBe(1);
    await store.close();
  });
});

describe('compaction at load', () => {
  it('folds a long journal into the snapshot when the store opens', async () => {
    const folder = await tempFolder();
    const first = createStore({ folder, warn: silent });
    await first.load();
    for (let i = 0; i < 5; i++) await first.saveMessage(message(`m_${i}`, 'cv_1'));
    await first.close();
    const second = createStore({ folder, compactOnLoadAfter: 5, warn: silent });
    await second.load();
    await second.close();
    const names = await readdir(folder);
    expect(names).toContain('records.jsonl');
    expect(names).not.toContain('journal-000000.jsonl');
    expect((await createStore({ folder, warn: silent }).load()).messages.size).toBe(5);
  });
});
