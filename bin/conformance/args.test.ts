import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shardOf, splitArgs } from './args';

const cwd = mkdtempSync(join(tmpdir(), 'conformance-args-'));
mkdirSync(join(cwd, 'team'));
writeFileSync(join(cwd, 'one.yaml'), 'name: one\n');
writeFileSync(join(cwd, 'report.json'), '{}');
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('npm run conformance arguments', () => {
  it('passes everything to vitest when no scenario path is given', () => {
    expect(splitArgs(['-t', 'R-MSG-2', '--shard=1/3', '--reporter=junit'], cwd)).toEqual({
      scenarios: [],
      shard: undefined,
      vitest: ['-t', 'R-MSG-2', '--reporter=junit', '--shard=1/3'],
    });
  });

  it('takes existing folders and scenario files as scenario paths, and the shard with them', () => {
    const args = splitArgs(['team', 'one.yaml', '-t', 'team:', '--shard', '2/3'], cwd);
    expect(args.scenarios).toEqual([join(cwd, 'team'), join(cwd, 'one.yaml')]);
    expect(args.shard).toBe('2/3');
    expect(args.vitest).toEqual(['-t', 'team:']);
  });

  it('never takes the value of an option for a scenario path', () => {
    const args = splitArgs(['--outputFile', 'report.json', '-t', 'team'], cwd);
    expect(args.scenarios).toEqual([]);
    expect(args.vitest).toEqual(['--outputFile', 'report.json', '-t', 'team']);
  });

  it('deals files to shards round-robin, every file to exactly one shard', () => {
    const files = ['a', 'b', 'c', 'd', 'e'];
    const shards = [1, 2, 3].map((i) => shardOf(files, `${i}/3`));
    expect(shards).toEqual([['a', 'd'], ['b', 'e'], ['c']]);
    expect(() => shardOf(files, '4/3')).toThrow('write --shard=<index>/<count>');
  });
});
