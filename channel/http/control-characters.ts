// Text fields refuse control characters (NUL, ESC, DEL, C1…): they are never what a person typed,
// they break logs, terminals and CSV exports downstream, and TeleSign's handling of them is unknown.
// Only where a route says text is free-form (the SMS an agent writes) may it hold the whitespace
// people type or paste: LF, CR (a browser's textarea sends CRLF) and TAB (whitespace-only text is
// then the service's MESSAGE_EMPTY, R-MSG-4, not a control-character refusal).
import { ChannelError } from '../domain/errors';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const codePoint = (ch: string): string =>
  `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function refuse(field: string, where: string, found: string, at: number, lines: boolean): never {
  const inWhere = where === 'body' ? '' : ` (in the ${where})`;
  throw new ChannelError('VALIDATION_FAILED', {
    field,
    message: `${field}${inWhere}: contains a control character (${codePoint(found)} at position ${at}); only printable text is accepted${lines ? ', line breaks and tabs' : ''}.`,
  });
}

/**
 * Walks a parsed input and throws VALIDATION_FAILED naming the first field (or key) holding a
 * control character. `multiline` names the fields (in error notation, e.g. `text`) that may hold
 * line breaks and tabs.
 */
export function refuseControlCharacters(
  where: 'body' | 'query' | 'path',
  value: unknown,
  options: { root?: string | undefined; multiline?: readonly string[] | undefined } = {},
): void {
  // An explicit stack, not recursion: a body nested 100 000 deep must be a 400, not a stack overflow.
  const stack: Array<{ node: unknown; path: string }> = [{ node: value, path: '' }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { node, path } = next;
    if (typeof node === 'string') {
      const field = path || options.root || where;
      const lines = options.multiline?.includes(field) ?? false;
      const match = (lines ? CONTROL_BUT_WHITESPACE : CONTROL).exec(node);
      if (match) refuse(field, where, match[0], match.index, lines);
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--)
        stack.push({ node: node[i], path: join(path || options.root || where, i) });
    } else if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i] as [string, unknown];
        const field = join(path, key);
        const match = CONTROL.exec(key);
        if (match) refuse(field, where, match[0], match.index, false);
        stack.push({ node: item, path: field });
      }
    }
  }
}
