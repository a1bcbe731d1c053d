// The process logger of `npm run sim`: pino, as readable one-liners by default or JSON lines with --log-json.
// Neither blocks the request path: stdout is written asynchronously (sonic-boom), flushed at exit.
import { Writable } from 'node:stream';
import { type DestinationStream, type Logger, pino } from 'pino';
import type { SimFlags } from './flags';
import { readableDestination } from './readable-lines';

export interface LoggerOptions {
  level: SimFlags['logLevel'];
  json: boolean;
  /** Where lines go; defaults to stdout, written asynchronously. Tests pass a collecting stream. */
  destination?: NodeJS.WritableStream;
  colorize?: boolean;
}

/** Readable lines leave the payloads out, so they are not serialised only to be dropped. */
const withoutPayloads = (record: Record<string, unknown>): Record<string, unknown> => {
  if (!('event' in record) && !('entry' in record)) return record;
  const { event: _event, entry: _entry, ...rest } = record;
  return rest;
};

export function createSimLogger(options: LoggerOptions): Logger {
  // Asynchronous: a line costs the request path a string append, not a write to the terminal.
  // pino flushes this destination synchronously when the process exits.
  const target =
    (options.destination as DestinationStream | undefined) ??
    pino.destination({ dest: 1, sync: false });
  if (options.json) return pino({ level: options.level, base: undefined }, target);
  return pino(
    { level: options.level, base: undefined, formatters: { log: withoutPayloads } },
    readableDestination(target, options.colorize ?? false),
  );
}

/** Waits until every line logged so far is handed to the operating system. */
export function flushLog(log: Logger): Promise<void> {
  return new Promise((resolve) => log.flush(() => resolve()));
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
