import { mkdtemp, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../domain/model';
import type {
  ChannelStore,
  InboundEventFilter,
  StoredInboundEvent,
} from '../../service/channel-store';
import { firstPage, type PageKey, paginate } from '../../service/paging';
import { eventMatches } from './event-log';
import { createStore } from './store';

const folders: string[] = [];
const tempFolder = async () => {
  const folder = await mkdtemp(join(tmpdir(), 'channel-events-'));
  folders.push(folder);
  return folder;
};
afterEach(async () => {
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});
const silent = () => undefined;

/** Thirty events: SMS and reports, outcomes, conversations or none, several in the same ms. */
const events: InboundEvent[] = Array.from({ length: 30 }, (_, i) => ({
  kind: i % 3 === 0 ? 'delivery-report' : 'sms',
  // FNV-1a gives m_888705 and m_1676200 the same 32 bits (see history-keys.test.ts).
  referenceId: i === 4 ? 'm_888705' : i === 5 ? 'm_1676200' : `REF_${i % 7}`,
  receivedAt: 1_000 + Math.floor(i / 2),
  rawBody: `{"n":${i},"text":"é “${i}”"}`,
  outcome: (['accepted', 'duplicate', 'stale', 'unroutable'] as const)[i % 4] ?? 'accepted',
  ...(i % 5 === 0 ? {} : { conversationId: `cv_${i % 4}` }),
}));
const filters: InboundEventFilter[] = [
  {},
  { kind: 'sms' },
  { kind: 'delivery-report', outcome: 'stale' },
  { referenceId: 'REF_3' },
  { referenceId: 'm_888705' },
  { conversationId: 'cv_2' },
  { conversationId: 'cv_none' },
  { since: 1_004, until: 1_010 },
  { kind: 'sms', conversationId: 'cv_1', since: 1_002 },
];
const listed = (store: ChannelStore, filter: InboundEventFilter) =>
  [...store.inboundEvents(filter)].map((e) => [e.position, e.receivedAt, e.event()]);
const expected = (filter: InboundEventFilter) =>
  events.flatMap((e, i) => (eventMatches(e, filter) ? [[i, e.receivedAt, e]] : []));

describe('inbound events in the event log', () => {
  it('lists the same events, positions and order after compactions moved them to disk', async () => {
    const folder = await tempFolder();
    const store = createStore({ folder, warn: silent });
    await store.load();
    for (const event of events.slice(0, 12)) await store.saveInboundEvent(event);
    await store.compact();
    for (const event of events.slice(12, 25)) await store.saveInboundEvent(event);
    await store.compact();
    for (const event of events.slice(25)) await store.saveInboundEvent(event);
    expect(store.state().inboundEvents).toHaveLength(5);
    await store.close();

    const again = createStore({ folder, warn: silent });
    const state = await again.load();
    expect(state.inboundEvents).toHaveLength(5);
    expect((await readdir(folder)).filter((n) => n.startsWith('events-')).sort()).toEqual([
      'events-000001.columns',
      'events-000001.jsonl',
      'events-000002.columns',
      'events-000002.jsonl',
    ]);
    for (const filter of filters) expect(listed(again, filter)).toEqual(expected(filter));
    expect(listed(again, { referenceId: 'm_888705' })).toHaveLength(1);
    await again.close();
  });

  it('deletes an events segment no snapshot names, and keeps its events from the journal', async () => {
    const folder = await tempFolder();
    const first = createStore({ folder, warn: silent });
    await first.load();
    for (const event of events.slice(0, 3)) await first.saveInboundEvent(event);
    await first.close();
    await writeFile(join(folder, 'events-000001.jsonl'), '{"kind":"sms"}\n');
    await writeFile(join(folder, 'events-000001.columns'), 'torn');
    const second = createStore({ folder, warn: silent });
    await second.load();
    expect((await readdir(folder)).filter((n) => n.startsWith('events-'))).toEqual([]);
    expect(listed(second, {})).toEqual(expected({}).slice(0, 3));
    await second.close();
  });

  it('refuses to start when an events segment its snapshot names is damaged', async () => {
    const folder = await tempFolder();
    const first = createStore({ folder, warn: silent });
    await first.load();
    await first.saveInboundEvent(events[0] as InboundEvent);
    await first.compact();
    await first.close();
    await writeFile(join(folder, 'events-000001.columns'), 'not columns');
    await expect(createStore({ folder, warn: silent }).load()).rejects.toThrow(
      /Inbound events segment 1 named by records.jsonl cannot be read \(Error: not an events columns file\)/,
    );
    await unlink(join(folder, 'events-000001.jsonl'));
    await expect(createStore({ folder, warn: silent }).load()).rejects.toThrow(/ENOENT/);
  });

  it('pages newest first from the cursor’s position, stored and held alike, as a full sort does', async () => {
    const folder = await tempFolder();
    const store = createStore({ folder, warn: silent });
    await store.load();
    for (const event of events.slice(0, 12)) await store.saveInboundEvent(event);
    await store.compact();
    for (const event of events.slice(12, 25)) await store.saveInboundEvent(event);
    await store.compact();
    for (const event of events.slice(25)) await store.saveInboundEvent(event);
    const keyOf = (e: StoredInboundEvent): PageKey => [
      e.receivedAt,
      String(e.position).padStart(12, '0'),
    ];
    const view = (e: StoredInboundEvent) => e.event().rawBody;
    for (const filter of filters) {
      const walk = (fast: boolean) => {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const before =
            cursor === undefined
              ? undefined
              : Number(JSON.parse(Buffer.from(cursor, 'base64url').toString())[1]);
          const newest = store.newestInboundEvents(filter, before);
          if (fast && !newest) throw new Error('times never went back: the fast path must answer');
          const page =
            fast && newest
              ? firstPage(newest, keyOf, 4, view)
              : paginate(store.inboundEvents(filter), keyOf, { cursor, limit: 4 }, view);
          seen.push(...page.items);
          cursor = page.next ?? undefined;
        } while (cursor && seen.length <= 1000); // a cursor that never advances fails, not hangs
        return seen;
      };
      expect(walk(true), JSON.stringify(filter)).toEqual(walk(false));
      expect(walk(true)).toEqual(
        expected(filter)
          .map(([, , e]) => (e as InboundEvent).rawBody)
          .reverse(),
      );
    }
    await store.close();
  });

  it('leaves a log whose times went back (a clock set back) to the full sort', async () => {
    const store = createStore({ folder: await tempFolder(), warn: silent });
    await store.load();
    await store.saveInboundEvent(events[9] as InboundEvent);
    await store.compact();
    expect(store.newestInboundEvents({})).toBeDefined();
    await store.saveInboundEvent(events[0] as InboundEvent); // received earlier than the stored one
    expect(store.newestInboundEvents({})).toBeUndefined();
    await store.compact();
    expect(store.newestInboundEvents({})).toBeUndefined();
    await store.close();
  });
});
