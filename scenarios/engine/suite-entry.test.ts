import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { suiteEntry } from './suite-entry';

const root = mkdtempSync(join(tmpdir(), 'suite-entry-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const write = (path: string, text: string): string => {
  const file = join(root, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
};

describe('a conformance test per scenario file', () => {
  it('titles a scenario by its folder, name, rule ids and tags', () => {
    const file = write(
      'myfolder/fine.yaml',
      'name: fine\ntags: [R-MSG-2, telesign:messaging]\nsteps:\n  - advance: 1s\n',
    );
    const entry = suiteEntry(file, root, 'fallback');
    expect(entry.title).toBe('myfolder: fine [R-MSG-2 telesign:messaging]');
    expect('loaded' in entry).toBe(true);
  });

  it('titles a file that does not load so the filters that would select it select its error', () => {
    const file = write(
      'myfolder/broken.yaml',
      'name: too long refused\ntags: [R-MSG-2]\nsteps:\n  - acept: { agent: ann }\n',
    );
    const entry = suiteEntry(file, root, 'fallback');
    expect('error' in entry && String(entry.error)).toMatch(
      /broken\.yaml:4:1 steps\.0: unknown field "acept"/,
    );
    for (const filter of [/myfolder:/, /R-MSG-2/, /too long/]) expect(entry.title).toMatch(filter);
    expect(entry.title).toContain('(does not load:');
  });

  it('still finds the area and the rule ids of a file that is not even YAML', () => {
    const file = write('other/garbled.yaml', 'name: [unclosed\ntags: [R-CV-1\n  - :\n');
    const entry = suiteEntry(file, root, 'fallback');
    expect('error' in entry).toBe(true);
    expect(entry.title).toMatch(/^other: garbled\.yaml \[R-CV-1\] \(does not load: /);
  });

  it('reports files directly in the root under the fallback area', () => {
    const file = write('top.yaml', 'name: top\nsteps:\n  - expect: {}\n');
    expect(suiteEntry(file, root, 'mine').title).toMatch(/^mine: top \[\] \(does not load/);
  });
});
