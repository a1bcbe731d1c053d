import { describe, expect, it } from 'vitest';
import { rank } from './step-order';

const sorted = (steps: Array<Record<string, unknown>>) =>
  [...steps].sort((a, b) => rank(a) - rank(b)).map((s) => Object.keys(s)[0]);

describe('steps recorded in the same millisecond', () => {
  it('put world changes first, then text, accept, send, end, close, and clock moves last', () => {
    expect(
      sorted([
        { advance: 1000 },
        { 'close-session': {} },
        { send: {} },
        { accept: {} },
        { text: {} },
        { 'set-rules': {} },
        { end: {} },
      ]),
    ).toEqual(['set-rules', 'text', 'accept', 'send', 'end', 'close-session', 'advance']);
  });
});
