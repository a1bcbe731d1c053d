import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonLinesWriter, readJsonLines, rewriteJsonLines } from './json-lines';

let folder: string;
let file: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'json-lines-'));
  file = join(folder, 'log.jsonl');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('JSON-lines files', () => {
  it('reads back what was appended, in order', async () => {
    const writer = new JsonLinesWriter(file);
    writer.append({ n: 1 });
    writer.append({ n: 2, text: 'line\nbreak ✓' });
    await writer.close();
    expect(await readJsonLines(file, () => {})).toEqual([
      { n: 1 },
      { n: 2, text: 'line\nbreak ✓' },
    ]);
  });

  it('reads lines that straddle read chunks, multi-byte characters included', async () => {
    const values = Array.from({ length: 300 }, (_, n) => ({ n, text: `✓ é ${'ü'.repeat(n * 3)}` }));
    await rewriteJsonLines(file, values);
    const warnings: string[] = [];
    expect(await readJsonLines(file, (m) => warnings.push(m))).toEqual(values);
    expect(warnings).toEqual([]);
  });

  it('writes a rewrite from a generator, as it goes', async () => {
    function* numbers() {
      for (let n = 0; n < 20_000; n++) yield { n };
    }
    await rewriteJsonLines(file, numbers());
    const read = await readJsonLines(file, () => {});
    expect(read).toHaveLength(20_000);
    expect(read.at(-1)).toEqual({ n: 19_999 });
  });

  it('reads a missing file as empty', async () => {
    expect(await readJsonLines(join(folder, 'none.jsonl'), () => {})).toEqual([]);
  });

  it('skips a torn last line with a warning and cuts it off so the next append starts clean', async () => {
    await writeFile(file, '{"n":1}\n{"n":2}\n{"n":');
    const warnings: string[] = [];
    expect(await readJsonLines(file, (m) => warnings.push(m))).toEqual([{ n: 1 }, { n: 2 }]);
    expect(warnings).toEqual([
      `${file}: skipped an unreadable line 3 (torn by an interrupted write)`,
    ]);
    expect(await readFile(file, 'utf8')).toBe('{"n":1}\n{"n":2}\n');
    const writer = new JsonLinesWriter(file);
    writer.append({ n: 3 });
    await writer.close();
    expect(await readJsonLines(file, () => {})).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('skips an unreadable line in the middle and keeps the lines after it', async () => {
    await writeFile(file, '{"n":1}\nnot json\n{"n":3}\n');
    const warnings: string[] = [];
    expect(await readJsonLines(file, (m) => warnings.push(m))).toEqual([{ n: 1 }, { n: 3 }]);
    expect(warnings).toEqual([`${file}: skipped an unreadable line 2`]);
    expect(await readFile(file, 'utf8')).toBe('{"n":1}\nnot json\n{"n":3}\n');
  });

  it('has every line on disk once flush resolves', async () => {
    const writer = new JsonLinesWriter(file);
    for (let n = 0; n < 100; n++) writer.append({ n });
    await writer.flush();
    expect((await readFile(file, 'utf8')).split('\n')).toHaveLength(101);
    await writer.close();
  });

  it('empties the file on clear and keeps appending after it', async () => {
    const writer = new JsonLinesWriter(file);
    writer.append({ n: 1 });
    const cleared = writer.clear();
    writer.append({ n: 2 });
    await cleared;
    writer.append({ n: 3 });
    await writer.close();
    expect(await readJsonLines(file, () => {})).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it('keeps a line appended during a clear even when closed straight after', async () => {
    const writer = new JsonLinesWriter(file);
    writer.append({ n: 1 });
    void writer.clear();
    writer.append({ n: 2 });
    await writer.close();
    expect(await readJsonLines(file, () => {})).toEqual([{ n: 2 }]);
  });

  it('drops appends after close instead of throwing', async () => {
    const writer = new JsonLinesWriter(file);
    await writer.close();
    writer.append({ n: 1 });
    expect(await readJsonLines(file, () => {})).toEqual([]);
  });

  it('rewrites a file as a whole', async () => {
    await writeFile(file, '{"old":true}\n');
    await rewriteJsonLines(file, [{ n: 1 }, { n: 2 }]);
    expect(await readFile(file, 'utf8')).toBe('{"n":1}\n{"n":2}\n');
  });
});
