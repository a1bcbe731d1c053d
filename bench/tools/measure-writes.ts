// Measures one persisted message write at 0, 10 000 and 100 000 stored messages: journal vs a lowdb write of everything.
// Run: npx tsx bench/tools/measure-writes.ts
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { createStore } from '../../channel/adapters/store';
import type { Message } from '../../channel/domain/model';

const message = (i: number): Message => ({
  id: `msg_${i.toString(16).padStart(12, '0')}`,
  conversationId: `cv_${Math.floor(i / 10)}`,
  direction: i % 2 ? 'outbound' : 'inbound',
  text: 'Hello, my parcel has not arrived yet; could you check where it is? Order 12345678.',
  truncated: false,
  at: 1_767_600_000_000 + i,
  chars: 83,
  encoding: 'GSM-7',
  segments: 1,
  telesignReferenceId: i.toString(16).toUpperCase().padStart(32, '0'),
  delivery: {
    code: 200,
    description: 'Delivered to handset',
    final: true,
    updatedAt: 1_767_600_000_000 + i,
  },
});

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function measure(stored: number): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'channel-measure-'));
  try {
    const store = createStore({ folder, compactEvery: Number.POSITIVE_INFINITY });
    await store.load();
    for (let i = 0; i < stored; i++) void store.saveMessage(message(i));
    await store.saveMessage(message(stored));
    const journal: number[] = [];
    for (let i = 1; i <= 200; i++) {
      const start = performance.now();
      await store.saveMessage(message(stored + i));
      journal.push(performance.now() - start);
    }
    const compactStart = performance.now();
    await store.compact();
    const compactMs = performance.now() - compactStart;
    await store.close();
    const loadStart = performance.now();
    const reloaded = createStore({ folder });
    await reloaded.load();
    const loadMs = performance.now() - loadStart;
    await reloaded.close();

    const db = new Low<{ messages: Message[] }>(new JSONFile(join(folder, 'whole.json')), {
      messages: [],
    });
    for (let i = 0; i < stored; i++) db.data.messages.push(message(i));
    const whole: number[] = [];
    for (let i = 1; i <= (stored >= 100_000 ? 5 : 20); i++) {
      db.data.messages.push(message(stored + i));
      const start = performance.now();
      await db.write();
      whole.push(performance.now() - start);
    }
    return `| ${stored.toLocaleString('en')} | ${median(journal).toFixed(3)} ms | ${median(whole).toFixed(1)} ms | ${compactMs.toFixed(0)} ms | ${loadMs.toFixed(0)} ms |`;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

console.log(
  '| stored messages | journal append (median of 200) | lowdb write of all | compaction | load |',
);
console.log('| ---: | ---: | ---: | ---: | ---: |');
for (const stored of [0, 10_000, 100_000]) console.log(await measure(stored));
