import { mkdtemp, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storedConversation, storedMessage } from '../../../test/support/channel-records';
import type { Conversation, DeliveryStatus, Message } from '../../domain/model';
import { createStore } from './store';

const folders: string[] = [];
const tempFolder = async () => {
  const folder = await mkdtemp(join(tmpdir(), 'channel-history-'));
  folders.push(folder);
  return folder;
};
afterEach(async () => {
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});
const silent = () => undefined;

const conversation = (id: string, state: Conversation['state']): Conversation =>
  storedConversation(id, { state, resolved: state === 'closed' });
const message = (id: string, conversationId: string, extra: Partial<Message> = {}): Message =>
  storedMessage(id, conversationId, {
    direction: 'outbound',
    text: `reply ${id}, with “quotes” and é`,
    chars: 20,
    encoding: 'UCS-2',
    telesignReferenceId: `REF_${id}`,
    ...extra,
  });

/** A folder holding one closed conversation (three messages) and one open (one message). */
async function folderWithHistory(): Promise<string> {
  const folder = await tempFolder();
  const store = createStore({ folder, warn: silent });
  await store.load();
  await store.saveConversation(conversation('cv_old', 'closed'));
  await store.saveConversation(conversation('cv_live', 'open'));
  for (const id of ['m_1', 'm_2', 'm_3']) await store.saveMessage(message(id, 'cv_old'));
  await store.saveMessage(message('m_4', 'cv_live'));
  await store.compact();
  await store.close();
  return folder;
}

describe('history of closed conversations', () => {
  it('moves a closed conversation’s messages to a segment at compaction and no longer holds them', async () => {
    const folder = await folderWithHistory();
    expect((await readdir(folder)).filter((n) => n.startsWith('history-')).sort()).toEqual([
      'history-000001.jsonl',
      'history-000001.keys',
    ]);
    const store = createStore({ folder, warn: silent });
    const state = await store.load();
    expect([...state.messages.keys()]).toEqual(['m_4']);
    expect([...state.conversations.keys()]).toEqual(['cv_live']);
    expect(store.conversation('cv_old')?.state).toBe('closed');
    expect(store.transcript('cv_old').map((m) => m.id)).toEqual(['m_1', 'm_2', 'm_3']);
    expect(store.transcript('cv_old')[0]?.text).toBe('reply m_1, with “quotes” and é');
    expect(store.transcript('cv_live').map((m) => m.id)).toEqual(['m_4']);
    expect(store.transcript('cv_none')).toEqual([]);
    await store.close();
  });

  it('finds a message in history by its id and by its TeleSign reference, after a restart', async () => {
    const store = createStore({ folder: await folderWithHistory(), warn: silent });
    await store.load();
    expect(store.message('m_2')?.telesignReferenceId).toBe('REF_m_2');
    expect(store.messageByReference('REF_m_3')?.id).toBe('m_3');
    expect(store.messageByReference('REF_m_4')?.id).toBe('m_4');
    expect(store.message('m_9')).toBeUndefined();
    expect(store.messageByReference('m_2')).toBeUndefined();
    await store.close();
  });

  it('keeps the newest version of a message changed after it went to history, in its first place', async () => {
    const folder = await folderWithHistory();
    const first = createStore({ folder, warn: silent });
    await first.load();
    const late = message('m_2', 'cv_old', { delivery: lateDelivery });
    await first.saveMessage(late);
    expect(first.transcript('cv_old').map((m) => [m.id, m.delivery?.code])).toEqual([
      ['m_1', undefined],
      ['m_2', 200],
      ['m_3', undefined],
    ]);
    await first.compact(); // the new version goes to a second segment
    await first.close();

    const again = createStore({ folder, warn: silent });
    const state = await again.load();
    expect([...state.messages.keys()]).toEqual(['m_4']);
    expect(again.transcript('cv_old').map((m) => [m.id, m.delivery?.code])).toEqual([
      ['m_1', undefined],
      ['m_2', 200],
      ['m_3', undefined],
    ]);
    expect(again.messageByReference('REF_m_2')?.delivery?.code).toBe(200);
    expect(again.message('m_2')?.delivery?.code).toBe(200);
    await again.close();
  });

  it('tells apart two messages whose keys hash alike by reading them back', async () => {
    const folder = await tempFolder();
    const store = createStore({ folder, warn: silent });
    await store.load();
    await store.saveConversation(conversation('cv_old', 'closed'));
    // FNV-1a gives these two ids the same 32 bits (see history-keys.test.ts).
    await store.saveMessage(message('m_888705', 'cv_old', { text: 'first' }));
    await store.saveMessage(message('m_1676200', 'cv_old', { text: 'second' }));
    await store.compact();
    expect(store.state().messages.size).toBe(0);
    expect(store.message('m_888705')?.text).toBe('first');
    expect(store.message('m_1676200')?.text).toBe('second');
    await store.close();
  });

  it('loses nothing when a compaction was cut short after writing its segment: the restart deletes it', async () => {
    const folder = await tempFolder();
    const first = createStore({ folder, warn: silent });
    await first.load();
    await first.saveConversation(conversation('cv_old', 'closed'));
    await first.saveMessage(message('m_1', 'cv_old'));
    await first.close();
    // What a kill -9 between the segment's rename and the snapshot's leaves: no snapshot names it.
    await writeFile(
      join(folder, 'history-000001.jsonl'),
      '{"id":"m_x","conversationId":"cv_old"}\n',
    );
    await writeFile(join(folder, 'history-000001.keys'), 'half');
    await writeFile(join(folder, 'history-000002.jsonl.tmp'), '{"id":');

    const second = createStore({ folder, warn: silent });
    await second.load();
    expect((await readdir(folder)).filter((n) => n.startsWith('history-'))).toEqual([]);
    expect(second.transcript('cv_old').map((m) => m.id)).toEqual(['m_1']);
    await second.compact();
    await second.close();
    const third = createStore({ folder, warn: silent });
    await third.load();
    expect(third.transcript('cv_old').map((m) => m.id)).toEqual(['m_1']);
    await third.close();
  });

  it('refuses to start when a segment its snapshot names is missing, rather than show transcripts empty', async () => {
    const folder = await folderWithHistory();
    await unlink(join(folder, 'history-000001.keys'));
    await expect(createStore({ folder, warn: silent }).load()).rejects.toThrow(
      /History segment 1 named by records.jsonl cannot be read .* the data folder is damaged/,
    );
  });

  it('keeps a re-opened conversation’s history and adds what comes after', async () => {
    const folder = await folderWithHistory();
    const store = createStore({ folder, warn: silent });
    await store.load();
    await store.saveConversation(conversation('cv_old', 'active'));
    await store.saveMessage(message('m_5', 'cv_old'));
    await store.compact(); // not closed: m_5 stays held
    expect([...store.state().messages.keys()]).toEqual(['m_4', 'm_5']);
    expect(store.transcript('cv_old').map((m) => m.id)).toEqual(['m_1', 'm_2', 'm_3', 'm_5']);
    await store.close();
  });
});

const lateDelivery: DeliveryStatus = {
  code: 200,
  description: 'Delivered to handset',
  final: true,
  updatedAt: 2,
};
