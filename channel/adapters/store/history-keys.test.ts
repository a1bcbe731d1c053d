import { describe, expect, it } from 'vitest';
import {
  candidates,
  decodeKeyIndex,
  encodeKeyIndex,
  KeyIndexBuilder,
  keyHash,
} from './history-keys';

describe('the key index of a history segment', () => {
  it('finds every key it was given, with its range, after a round trip through bytes', () => {
    const builder = new KeyIndexBuilder();
    for (let i = 0; i < 1000; i++) builder.add(`m_${i}`, 'message', i * 100, 99);
    builder.add('cv_1', 'conversation', 0, 100_000);
    const index = decodeKeyIndex(encodeKeyIndex(builder.build()));
    for (let i = 0; i < 1000; i += 111)
      expect(candidates(index, `m_${i}`, 'message')).toEqual([{ offset: i * 100, length: 99 }]);
    expect(candidates(index, 'cv_1', 'conversation')).toEqual([{ offset: 0, length: 100_000 }]);
    expect(candidates(index, 'm_1000', 'message')).toEqual([]);
  });

  it('answers only ranges of the kind asked for', () => {
    const builder = new KeyIndexBuilder();
    builder.add('same', 'message', 10, 5);
    builder.add('same', 'conversation', 0, 50);
    const index = builder.build();
    expect(candidates(index, 'same', 'message')).toEqual([{ offset: 10, length: 5 }]);
    expect(candidates(index, 'same', 'conversation')).toEqual([{ offset: 0, length: 50 }]);
  });

  it('gives every range of keys whose hashes collide, in file order, for the reader to check', () => {
    // Two ids FNV-1a maps to the same 32 bits (found by search).
    expect(keyHash('m_888705')).toBe(keyHash('m_1676200'));
    const builder = new KeyIndexBuilder();
    builder.add('m_1676200', 'message', 500, 20);
    builder.add('m_888705', 'message', 20, 30);
    expect(candidates(builder.build(), 'm_888705', 'message')).toEqual([
      { offset: 20, length: 30 },
      { offset: 500, length: 20 },
    ]);
  });

  it('refuses bytes that are not a key index', () => {
    expect(() => decodeKeyIndex(Buffer.from('{"not":"an index"}'))).toThrow(/not a key index/);
    const cut = encodeKeyIndex(new KeyIndexBuilder().build()).subarray(0, 4);
    expect(() => decodeKeyIndex(cut)).toThrow(/too short/);
  });
});
