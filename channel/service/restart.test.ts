import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { conversationOf, createHarness } from '../../test/channel/service-harness';
import { createStore } from '../adapters/store';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

describe('restart from the same data folder', () => {
  it('keeps the organisation, work streams, agents, conversations, transcripts and offers', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'channel-restart-'));
    folders.push(folder);
    const first = await createHarness({ store: createStore({ folder, warn: () => undefined }) });
    const ws = await first.workStream();
    const alice = await first.agent('Alice', { capacity: 200 });
    const bob = await first.agent('Bob');
    const id = conversationOf(await first.text('hello'));
    await first.service.accept(alice, id);
    const sent = await first.service.send(alice, id, 'hi there');
    await first.report(sent.telesignReferenceId ?? '', 200, 'Delivered to handset');
    const offered = conversationOf(await first.text('another', { from: '14255550124' }));
    const organisation = first.service.organisation();
    await first.service.close();

    const second = await createHarness({
      store: createStore({ folder, warn: () => undefined }),
      seed: 'after-restart',
    });
    expect(second.service.organisation()).toEqual(organisation);
    expect(second.service.getWorkStream(ws).sms.apiKeyMasked).not.toBeNull();
    expect(second.service.getAgent(alice)).toMatchObject({ usedCapacity: 30, presence: 'busy' });
    const conversation = second.service.getConversation(id);
    expect(conversation.messages.map((m) => [m.direction, m.text, m.delivery?.code])).toEqual([
      ['inbound', 'hello', undefined],
      ['outbound', 'hi there', 200],
    ]);
    expect(second.service.getConversation(offered).offer?.agentId).toBe(alice);
    expect(second.service.getAgent(bob).usedCapacity).toBe(0);
    expect(await second.text('again')).toMatchObject({ conversationId: id, duplicate: false });
    await second.service.close();
  });

  it('finds an old closed conversation by its TeleSign references after a restart moved it to history', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'channel-restart-'));
    folders.push(folder);
    const first = await createHarness({ store: createStore({ folder, warn: () => undefined }) });
    await first.workStream();
    const alice = await first.agent('Alice');
    const id = conversationOf(await first.text('hello', { referenceId: 'MO_OLD_1' }));
    await first.service.accept(alice, id);
    const sent = await first.service.send(alice, id, 'hi there');
    await first.service.end(alice, id);
    await first.service.closeSession(alice, id);
    await first.service.close();

    // Compacting at load moves the closed conversation's messages out of memory, into history.
    const store = createStore({ folder, compactOnLoadAfter: 1, warn: () => undefined });
    const second = await createHarness({ store, seed: 'after-restart' });
    expect(store.state().messages.size).toBe(0);
    const late = await second.report(sent.telesignReferenceId ?? '', 200, 'Delivered to handset');
    expect(late).toMatchObject({ kind: 'delivery-report', applied: true });
    expect(second.service.getConversation(id).messages.map((m) => m.delivery?.code)).toEqual([
      undefined,
      200,
    ]);
    expect(await second.text('hello', { referenceId: 'MO_OLD_1' })).toMatchObject({
      conversationId: id,
      duplicate: true,
    });
    expect(second.service.getConversation(id).state).toBe('closed');
    await second.service.close();
  });

  it('lists closed conversations stored on disk in the same pages, order and detail as before the restart', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'channel-restart-'));
    folders.push(folder);
    const first = await createHarness({ store: createStore({ folder, warn: () => undefined }) });
    await first.workStream();
    const alice = await first.agent('Alice', { capacity: 1000 });
    for (let n = 0; n < 5; n++) {
      const id = conversationOf(await first.text(`hello ${n}`, { from: `1425555020${n}` }));
      if (n % 2 === 1) continue; // left Open
      await first.service.accept(alice, id);
      await first.service.end(alice, id);
      await first.service.closeSession(alice, id);
    }
    const walk = (service: typeof first.service, query: { state?: 'closed' }) => {
      const seen: unknown[] = [];
      let cursor: string | undefined;
      do {
        const page = service.findConversations({ ...query, limit: 2, cursor });
        seen.push(...page.items);
        cursor = page.next ?? undefined;
      } while (cursor && seen.length <= 1000); // a cursor that never advances fails, not hangs
      return seen;
    };
    const before = {
      all: walk(first.service, {}),
      closed: walk(first.service, { state: 'closed' }),
    };
    expect(before.closed).toHaveLength(3);
    const listed = first.service.listConversations();
    await first.service.close();

    const store = createStore({ folder, compactOnLoadAfter: 1, warn: () => undefined });
    const second = await createHarness({ store, seed: 'after-restart' });
    expect([...store.state().conversations.values()].map((c) => c.state)).toEqual(['open', 'open']);
    expect(walk(second.service, {})).toEqual(before.all);
    expect(walk(second.service, { state: 'closed' })).toEqual(before.closed);
    expect(second.service.listConversations()).toEqual(listed);
    await second.service.close();
  });
});
