import { prettyFactory } from 'pino-pretty';
import { describe, expect, it } from 'vitest';
import { readableDestination, readableLine } from './readable-lines';

// pino-pretty, configured as the sim used it, is the judge of what a readable line looks like.
const judge = (colorize: boolean) =>
  prettyFactory({
    colorize,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,source,event,entry',
    messageFormat: '{if source}[{source}] {end}{msg}',
    singleLine: true,
  });

const records: Record<string, unknown>[] = [
  { level: 30, time: 1_767_603_600_123, source: 'channel', msg: 'cv_1 routed to queue billing' },
  { level: 40, time: 1_767_603_601_004, source: 'telesign', msg: 'callback to x failed (503)' },
  { level: 20, time: 1_767_603_602_050, source: 'channel', msg: 'message.status' },
  { level: 50, time: 1_767_603_603_999, msg: 'no source here' },
  { level: 60, time: 1_767_603_604_000, source: 'sim', msg: 'fatal' },
  { level: 30, time: 1_767_603_605_000, source: 'sim', msg: 'with extra', extra: 1, ok: 'yes' },
  { level: 30, time: 1_767_603_606_000, source: 'sim', msg: 'Ready.', event: { type: 'x' } },
];

describe('readable log lines', () => {
  for (const colorize of [false, true]) {
    it(`print what pino-pretty printed for the sim's records (${colorize ? 'colour' : 'plain'})`, () => {
      const pretty = judge(colorize);
      for (const record of records) {
        expect(readableLine(record, colorize)).toBe(pretty(record).replace(/\n$/, ''));
      }
    });
  }

  it('would notice a line that differs from the judge', () => {
    const pretty = judge(false);
    const record = { level: 30, time: 0, source: 'sim', msg: 'x' };
    expect(readableLine({ ...record, source: 'other' }, false)).not.toBe(
      pretty(record).replace(/\n$/, ''),
    );
  });

  it('turns each JSON line pino writes into one readable line on the target', () => {
    const written: string[] = [];
    const destination = readableDestination({ write: (text) => written.push(text) }, false);
    destination.write(`${JSON.stringify(records[0])}\n${JSON.stringify(records[1])}\n`);
    expect(written.join('').split('\n').filter(Boolean)).toHaveLength(2);
    expect(written.join('')).toMatch(/INFO: \[channel\] cv_1 routed to queue billing\n/);
  });
});
