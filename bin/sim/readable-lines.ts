// The sim's readable log lines, made in-process at a few µs a line: what pino-pretty printed for
// these records (`[HH:MM:ss.l] INFO: [source] message`), without its per-line cost on the request path.
/** Fields the readable line leaves out: the structured payloads stay in JSON logs (--log-json). */
const HIDDEN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'source', 'event', 'entry']);

const LEVELS: Record<number, { label: string; color: [string, string] }> = {
  10: { label: 'TRACE', color: ['\x1b[90m', '\x1b[39m'] },
  20: { label: 'DEBUG', color: ['\x1b[34m', '\x1b[39m'] },
  30: { label: 'INFO', color: ['\x1b[32m', '\x1b[39m'] },
  40: { label: 'WARN', color: ['\x1b[33m', '\x1b[39m'] },
  50: { label: 'ERROR', color: ['\x1b[31m', '\x1b[39m'] },
  60: { label: 'FATAL', color: ['\x1b[41m', '\x1b[49m'] },
};

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));
const three = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/** Local time as pino-pretty's `SYS:HH:MM:ss.l`. */
function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${three(d.getMilliseconds())}`;
}

/** One pino record (parsed JSON line) as the readable line, without the newline. */
export function readableLine(record: Record<string, unknown>, colorize: boolean): string {
  const level = LEVELS[Number(record.level)] ?? { label: 'USERLVL', color: ['', ''] };
  const paint = (text: string, [open, close]: readonly [string, string]): string =>
    colorize ? `${open}${text}${close}` : text;
  const source = record.source === undefined ? '' : `[${String(record.source)}] `;
  const msg = record.msg === undefined ? '' : String(record.msg);
  let rest: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    if (HIDDEN.has(key)) continue;
    rest ??= {};
    rest[key] = record[key];
  }
  const time = typeof record.time === 'number' ? `[${clockTime(record.time)}] ` : '';
  const extra = rest ? ` ${paint(JSON.stringify(rest), ['\x1b[90m', '\x1b[39m'])}` : '';
  return `${time}${paint(level.label, level.color)}: ${paint(`${source}${msg}`, ['\x1b[36m', '\x1b[39m'])}${extra}`;
}

export interface LineTarget {
  write(text: string): unknown;
  flush?(callback?: (error?: Error) => void): unknown;
}

export interface ReadableDestination {
  write(text: string): void;
  /** Resolves once every line so far has been handed to the target (pino's `logger.flush`). */
  flush(callback?: (error?: Error) => void): void;
}

/**
 * A pino destination: each JSON line pino writes becomes a readable line on `target`. With an
 * asynchronous target (sonic-boom, `sync: false`) nothing here waits for the terminal.
 */
export function readableDestination(target: LineTarget, colorize: boolean): ReadableDestination {
  return {
    write(text) {
      let out = '';
      for (const line of text.split('\n')) {
        if (line === '') continue;
        try {
          out += `${readableLine(JSON.parse(line) as Record<string, unknown>, colorize)}\n`;
        } catch {
          out += `${line}\n`;
        }
      }
      if (out) target.write(out);
    },
    flush(callback) {
      if (target.flush) target.flush(callback);
      else callback?.();
    },
  };
}
