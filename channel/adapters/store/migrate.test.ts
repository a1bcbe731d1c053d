import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateConfig, SCHEMA_VERSION } from './schema';
import { createStore } from './store';

/** A data folder written by `npm run sim` at schema 1 (before rulebook revision 2), kept as data. */
const SCHEMA_1 = resolve(import.meta.dirname, '../../../fixtures/data/schema-1/channel');

/**
 * A data folder written by the version before history segments (schema 2: `records.jsonl` holding
 * every message, and a journal after it), kept as data: one closed conversation (an inbound SMS, a
 * reply with its delivery report at 203) and one open conversation.
 */
const SCHEMA_2 = resolve(import.meta.dirname, '../../../fixtures/data/schema-2/channel');
const CLOSED = 'cv_5d882a1b9156';
const OPEN = 'cv_47ac732f136a';
const REPLY_REFERENCE = 'REF00000000000000000000000000001';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});
const copyOf = async (fixture: string): Promise<string> => {
  const folder = await mkdtemp(join(tmpdir(), 'channel-migrate-'));
  folders.push(folder);
  await cp(fixture, folder, { recursive: true });
  return folder;
};
const copyOfSchema1 = () => copyOf(SCHEMA_1);

describe('schema 1 → 2 (rulebook revision 2: R-RT-1, R-RT-3)', () => {
  it('R-RT-3: loads a schema-1 folder with the message-text rule disabled and flagged, the others untouched', async () => {
    const folder = await copyOfSchema1();
    const warnings: string[] = [];
    const store = createStore({ folder, warn: (m) => warnings.push(m) });
    const state = await store.load();
    const support = state.config.workStreams.find((w) => w.name === 'support');
    expect(support?.routingRules.map((r) => [r.name, r.disabled?.reason ?? null])).toEqual([
      ['vip-customers', null],
      [
        'billing-keywords',
        expect.stringContaining('tests message.text, which routing no longer reads (R-RT-3'),
      ],
    ]);
    expect(support?.routingRules[1]?.condition).toMatchObject({
      any: [{ field: 'message.text' }, { field: 'message.text' }],
    });
    expect(warnings).toEqual([
      'routing rule "billing-keywords" of work stream "support" tests message.text and is now disabled (R-RT-3); conversations skip it until it is changed',
    ]);
    expect(state.config.accounts).toEqual([]);
    expect(state.config.schemaVersion).toBe(SCHEMA_VERSION);
    expect(state.conversations.size).toBe(2);
    await store.close();
  });

  it('writes the migrated document back, so the next load has nothing left to migrate', async () => {
    const folder = await copyOfSchema1();
    const first = createStore({ folder, warn: () => {} });
    await first.load();
    await first.close();
    const written = JSON.parse(await readFile(join(folder, 'channel.json'), 'utf8'));
    expect(written.schemaVersion).toBe(SCHEMA_VERSION);
    const warnings: string[] = [];
    const second = createStore({ folder, warn: (m) => warnings.push(m) });
    const state = await second.load();
    expect(warnings).toEqual([]);
    expect(state.config.workStreams[0]?.routingRules[1]?.disabled).toBeDefined();
    await second.close();
  });

  it('R-RT-3: disables a rule whose text condition hides inside all/any, and keeps a clean one enabled', () => {
    const notes: string[] = [];
    const doc = migrateConfig(
      {
        schemaVersion: 1,
        workStreams: [
          {
            name: 'ws',
            routingRules: [
              { name: 'ok', condition: { field: 'contact.tier', op: 'exists' }, queueId: 'q' },
              {
                name: 'nested',
                condition: {
                  all: [{ any: [{ field: 'message.text', op: 'contains', value: 'x' }] }],
                },
                queueId: 'q',
              },
            ],
          },
        ],
      },
      (m) => notes.push(m),
    );
    expect(doc.workStreams[0]?.routingRules.map((r) => Boolean(r.disabled))).toEqual([false, true]);
    expect(notes).toHaveLength(1);
  });
});

describe('schema 2 → 3 (closed conversations’ messages move to history segments)', () => {
  it('loads a schema-2 folder, moves the closed conversation’s messages to a segment, keeps every transcript', async () => {
    const folder = await copyOf(SCHEMA_2);
    const first = createStore({ folder, warn: () => {} });
    const state = await first.load();
    expect(await readdir(folder)).toContain('history-000001.keys');
    expect([...state.messages.values()].map((m) => m.conversationId)).toEqual([OPEN, OPEN]);
    expect(first.transcript(CLOSED).map((m) => [m.direction, m.text, m.delivery?.code])).toEqual([
      ['inbound', 'hello, my order is late', undefined],
      ['outbound', 'Sorry about that, it ships today', 203],
    ]);
    expect(first.transcript(OPEN).map((m) => m.text)).toEqual(['another question', 'still there?']);
    await first.close();

    const second = createStore({ folder, warn: () => {} });
    const again = await second.load();
    expect(again.config.schemaVersion).toBe(SCHEMA_VERSION);
    expect(again.inboundEvents).toEqual([]);
    expect([...second.inboundEvents({})].map((e) => e.event().outcome)).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'accepted',
    ]);
    expect(second.messageByReference(REPLY_REFERENCE)?.conversationId).toBe(CLOSED);
    expect(second.transcript(CLOSED)).toHaveLength(2);
    await second.close();
  });
});
