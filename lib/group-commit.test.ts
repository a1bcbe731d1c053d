import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommitFile } from './group-commit';

let folder: string;
let file: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'group-commit-'));
  file = join(folder, 'log.jsonl');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('group-committed file', () => {
  it('has an appended line in the file once committed resolves', async () => {
    const log = new GroupCommitFile(file);
    log.append('one\n');
    await log.committed();
    expect(await readFile(file, 'utf8')).toBe('one\n');
    await log.close();
  });

  it('writes the appends of one tick in one write, and those made during it in the next', async () => {
    const log = new GroupCommitFile(file);
    for (let n = 0; n < 100; n++) log.append(`${n}\n`);
    const first = log.committed();
    await Promise.resolve();
    await Promise.resolve(); // the first batch is now in flight
    for (let n = 100; n < 200; n++) log.append(`${n}\n`);
    const second = log.committed();
    expect(second).not.toBe(first);
    await first;
    expect(log.writes).toBe(1);
    await second;
    expect(log.writes).toBe(2);
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines).toEqual(Array.from({ length: 200 }, (_, n) => String(n)));
    await log.close();
  });

  it('syncs each batch to the disk with fsync, and none without', async () => {
    const synced = new GroupCommitFile(file, { fsync: true });
    synced.append('a\n');
    await synced.committed();
    synced.append('b\n');
    await synced.committed();
    expect([synced.writes, synced.syncs]).toEqual([2, 2]);
    await synced.close();
    const unsynced = new GroupCommitFile(join(folder, 'other.jsonl'));
    unsynced.append('a\n');
    await unsynced.committed();
    expect([unsynced.writes, unsynced.syncs]).toEqual([1, 0]);
    await unsynced.close();
  });

  it('resolves at once when nothing is pending', async () => {
    const log = new GroupCommitFile(file);
    await expect(log.committed()).resolves.toBeUndefined();
    expect(log.writes).toBe(0);
    await log.close();
  });

  it('rejects committed with the error when the file cannot be written', async () => {
    const errors: string[] = [];
    const log = new GroupCommitFile(folder, { onError: (e) => errors.push(e.message) });
    log.append('lost\n');
    await expect(log.committed()).rejects.toThrow(/EISDIR/);
    expect(errors).toHaveLength(1);
    await log.close();
  });

  it('writes what is pending before closing', async () => {
    const log = new GroupCommitFile(file);
    log.append('last\n');
    await log.close();
    expect(await readFile(file, 'utf8')).toBe('last\n');
  });
});
