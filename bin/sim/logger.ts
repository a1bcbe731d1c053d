// The process logger of `npm run sim`: pino, as readable one-liners by default or JSON lines with --log-json.
import { Writable } from 'node:stream';
import { type Logger, pino } from 'pino';
import pretty from 'pino-pretty';
import type { SimFlags } from './flags';

export interface LoggerOptions {
  level: SimFlags['logLevel'];
  json: boolean;
  /** Where lines go; defaults to stdout. Tests pass a collecting stream. */
  destination?: NodeJS.WritableStream;
  colorize?: boolean;
}

export function createSimLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? process.stdout;
  if (options.json) {
    return pino({ level: options.level, base: undefined }, destination as Writable);
  }
  const stream = pretty({
    destination: destination as Writable,
    colorize: options.colorize ?? false,
    translateTime: 'SYS:HH:MM:ss.l',
    // The structured payload stays in JSON logs; readable lines carry the sentence only.
    ignore: 'pid,hostname,source,event,entry',
    messageFormat: '{if source}[{source}] {end}{msg}',
    singleLine: true,
    sync: true,
  });
  return pino({ level: options.level, base: undefined }, stream);
}

/** A writable that keeps lines, for tests. */
export function collectLines(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  let pending = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending += chunk.toString();
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      lines.push(...parts.filter((line) => line.length > 0));
      done();
    },
  });
  return { stream, lines };
}
