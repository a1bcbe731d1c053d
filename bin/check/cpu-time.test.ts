import { describe, expect, it } from 'vitest';
import { childrenCpuMs } from './cpu-time';

// Fields 14–17 (utime stime cutime cstime) are 11 22 345 55 ticks; the command name holds ") (".
const STAT = '4242 (node (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 11 22 345 55 20 0 11 0 99';

describe('childrenCpuMs', () => {
  it("reads the waited-for children's user and system ticks past a command name with parentheses", () => {
    expect(childrenCpuMs(() => STAT)).toBe(4000);
  });

  it('says nothing when /proc cannot be read, rather than zero', () => {
    expect(
      childrenCpuMs(() => {
        throw new Error('ENOENT');
      }),
    ).toBeUndefined();
  });

  it('says nothing when the line is not a stat line', () => {
    expect(childrenCpuMs(() => 'not a stat line')).toBeUndefined();
  });
});
