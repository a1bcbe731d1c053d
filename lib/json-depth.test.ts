import { describe, expect, it } from 'vitest';
import { jsonDeeperThan } from './json-depth';

describe('JSON depth', () => {
  it('counts arrays and objects opened inside one another', () => {
    expect(jsonDeeperThan('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(jsonDeeperThan('{"a":[{"b":[]}]}', 3)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDeeperThan('{"a":"[[[[{{{{\\"[[[["}', 1)).toBe(false);
  });

  it('finds 5 000 levels without recursion', () => {
    expect(jsonDeeperThan(`${'['.repeat(5000)}${']'.repeat(5000)}`, 64)).toBe(true);
  });
});
