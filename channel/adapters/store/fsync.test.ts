import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storedConversation, storedMessage } from '../../../test/support/channel-records';
import type { Conversation, Message } from '../../domain/model';
import { createStore } from './store';

let folder: string | undefined;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

const closed = (id: string): Conversation => storedConversation(id, { state: 'closed' });
const message = (id: string, conversationId: string): Message => storedMessage(id, conversationId);

describe('channel store with fsync', () => {
  it('saves, compacts into a synced snapshot and history segment, and reads it all back', async () => {
    folder = await mkdtemp(join(tmpdir(), 'channel-fsync-'));
    const first = createStore({ folder, fsync: true, warn: () => undefined });
    await first.load();
    await first.saveConversation(closed('cv_1'));
    await first.saveMessage(message('m_1', 'cv_1'));
    await first.saveMessage(message('m_2', 'cv_1'));
    await first.saveInboundEvent({
      kind: 'sms',
      referenceId: 'R1',
      receivedAt: 1,
      rawBody: '{}',
      outcome: 'accepted',
      conversationId: 'cv_1',
    });
    await first.compact();
    await first.saveMessage(message('m_3', 'cv_1'));
    await first.close();
    const names = await readdir(folder);
    expect(names).toContain('history-000001.jsonl');
    expect(names).toContain('events-000001.columns');
    expect(names).toContain('records.jsonl');
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const second = createStore({ folder, fsync: true, warn: () => undefined });
    await second.load();
    expect(second.transcript('cv_1').map((m) => m.id)).toEqual(['m_1', 'm_2', 'm_3']);
    expect([...second.inboundEvents({})].map((e) => e.event().referenceId)).toEqual(['R1']);
    await second.close();
  });
});
