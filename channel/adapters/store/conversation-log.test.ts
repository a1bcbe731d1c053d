import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../domain/model';
import type { ChannelStore, ConversationFilter } from '../../service/channel-store';
import { conversationMatches } from './conversation-log';
import { createStore } from './store';

const folders: string[] = [];
const tempFolder = async () => {
  const folder = await mkdtemp(join(tmpdir(), 'channel-conversations-'));
  folders.push(folder);
  return folder;
};
afterEach(async () => {
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});
const silent = () => undefined;

/** Twenty conversations over queues, agents, numbers, contacts and accounts, several per ms. */
const conversations: Conversation[] = Array.from({ length: 20 }, (_, i) => ({
  // FNV-1a gives m_888705 and m_1676200 the same 32 bits (see history-keys.test.ts).
  id: i === 3 ? 'm_888705' : i === 4 ? 'm_1676200' : `cv_${i}`,
  workStreamId: `ws_${i % 2}`,
  customerNumber: `1425555${String(100 + (i % 6))}`,
  supportNumber: '14255550100',
  state: i % 4 === 3 ? 'open' : 'closed',
  queueId: `q_${i % 3}`,
  routedBy: 'default',
  contactMatch: 'none',
  rejectedBy: [],
  resolved: true,
  createdAt: 1_000 + Math.floor(i / 3),
  lastActivityAt: 1_000,
  transitions: [
    { from: null, to: 'open', at: 1_000, actor: { kind: 'customer' }, reason: `n${i}` },
  ],
  ...(i % 2 === 0 ? { agentId: `ag_${i % 4}` } : {}),
  ...(i % 5 === 0 ? { contactId: 'ct_1' } : {}),
  ...(i % 7 === 0 ? { accountId: 'ac_1' } : {}),
}));
const filters: ConversationFilter[] = [
  {},
  { state: 'closed' },
  { state: 'open' },
  { queueId: 'q_1' },
  { agentId: 'ag_2', workStreamId: 'ws_0' },
  { customerNumber: '14255550102' },
  { contactId: 'ct_1' },
  { accountId: 'ac_1', state: 'closed' },
  { since: 1_002, until: 1_005 },
  { supportNumber: '14255550199' },
];
const listed = (store: ChannelStore, filter: ConversationFilter) =>
  [...store.conversations(filter)]
    .sort((a, b) => a.seq - b.seq)
    .map((c) => [c.seq, c.createdAt, c.conversation()]);
const expected = (filter: ConversationFilter, all = conversations) =>
  all.flatMap((c, i) => (conversationMatches(c, filter) ? [[i, c.createdAt, c]] : []));

async function storeWith(folder: string): Promise<ChannelStore> {
  const store = createStore({ folder, warn: silent });
  await store.load();
  for (const conversation of conversations.slice(0, 12)) await store.saveConversation(conversation);
  await store.compact();
  for (const conversation of conversations.slice(12)) await store.saveConversation(conversation);
  return store;
}

describe('closed conversations on disk', () => {
  it('lists the same conversations, in creation order, after compactions moved the closed ones out', async () => {
    const folder = await tempFolder();
    const first = await storeWith(folder);
    expect(first.state().conversations.size).toBe(3 + 8); // open ones of the first 12, and the last 8
    await first.compact();
    expect([...first.state().conversations.values()].every((c) => c.state === 'open')).toBe(true);
    await first.close();

    const again = createStore({ folder, warn: silent });
    await again.load();
    for (const filter of filters) expect(listed(again, filter)).toEqual(expected(filter));
    expect(again.conversation('m_1676200')?.transitions[0]?.reason).toBe('n4');
    expect(again.conversation('cv_99')).toBeUndefined();
    await again.close();
  });

  it('lists a conversation re-opened out of history once, as it is now, in its old place', async () => {
    const folder = await tempFolder();
    const store = await storeWith(folder);
    await store.compact();
    const reopened = { ...(conversations[1] as Conversation), state: 'active' as const };
    await store.saveConversation(reopened);
    const now = conversations.map((c) => (c.id === reopened.id ? reopened : c));
    for (const filter of filters) expect(listed(store, filter)).toEqual(expected(filter, now));

    // Closed again and stored again: the older stored version no longer counts, after a restart too.
    const closedAgain = { ...reopened, state: 'closed' as const, resolved: false };
    await store.saveConversation(closedAgain);
    await store.compact();
    await store.close();
    const again = createStore({ folder, warn: silent });
    await again.load();
    const later = conversations.map((c) => (c.id === reopened.id ? closedAgain : c));
    for (const filter of filters) expect(listed(again, filter)).toEqual(expected(filter, later));
    expect(again.conversation(reopened.id)?.resolved).toBe(false);
    const created = { ...(conversations[0] as Conversation), id: 'cv_new', state: 'open' as const };
    await again.saveConversation(created);
    expect(listed(again, { state: 'open' }).at(-1)?.[0]).toBe(20);
    await again.close();
  });

  it('refuses to start when a conversations segment its snapshot names is damaged', async () => {
    const folder = await tempFolder();
    const store = await storeWith(folder);
    await store.close();
    await writeFile(join(folder, 'conversations-000001.columns'), 'not columns');
    await expect(createStore({ folder, warn: silent }).load()).rejects.toThrow(
      /Conversations segment 1 named by records.jsonl cannot be read \(Error: not a conversations columns file\)/,
    );
  });
});
