import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { securePrivateFolder } from './private-folder';

const mode = async (path: string) => (await stat(path)).mode & 0o777;
let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the private data folder', () => {
  it('creates the folder and its subfolders readable by their owner only', async () => {
    root = await mkdtemp(join(tmpdir(), 'private-'));
    const folder = join(root, 'data');
    await securePrivateFolder(folder, ['channel']);
    expect([await mode(folder), await mode(join(folder, 'channel'))]).toEqual([0o700, 0o700]);
  });

  it('tightens a folder an older version left readable by everyone (0755, files 0644)', async () => {
    root = await mkdtemp(join(tmpdir(), 'private-'));
    const folder = join(root, 'data');
    await mkdir(join(folder, 'channel'), { recursive: true, mode: 0o755 });
    await writeFile(join(folder, 'world.json'), '{}', { mode: 0o644 });
    await writeFile(join(folder, 'channel', 'records.jsonl'), '', { mode: 0o644 });
    await securePrivateFolder(folder, ['channel']);
    expect(await mode(folder)).toBe(0o700);
    expect(await mode(join(folder, 'channel'))).toBe(0o700);
    expect(await mode(join(folder, 'world.json'))).toBe(0o600);
    expect(await mode(join(folder, 'channel', 'records.jsonl'))).toBe(0o600);
  });
});
