// Reads a YAML or JSON data file against a zod schema; every error names the file, the line and what is wrong.
import { readFileSync } from 'node:fs';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { teachingErrors } from './teach-errors';

export interface SourceIssue {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

export class DataFileError extends Error {
  readonly issues: SourceIssue[];
  constructor(issues: SourceIssue[]) {
    super(
      issues
        .map((i) => `${i.file}:${i.line}:${i.column} ${i.path ? `${i.path}: ` : ''}${i.message}`)
        .join('\n'),
    );
    this.name = 'DataFileError';
    this.issues = issues;
  }
}

export interface Located<T> {
  value: T;
  /** 1-based line of the node at `path` (or of its nearest ancestor present in the file). */
  lineOf(path: ReadonlyArray<string | number>): number;
}

/** Parses `text` (YAML or JSON) and validates it, mapping each schema issue to its line. */
export function parseDataText<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
): Located<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const position = (offset: number) => lineCounter.linePos(offset);
  if (doc.errors.length > 0) {
    throw new DataFileError(
      doc.errors.map((error) => {
        const { line, col } = position(error.pos[0]);
        return {
          file,
          line,
          column: col,
          path: '',
          message: error.message.split('\n')[0] ?? error.message,
        };
      }),
    );
  }
  const lineOf = (path: ReadonlyArray<string | number>): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return position(node.range[0]).line;
    }
    return 1;
  };
  const parsed = schema.safeParse(doc.toJS({ maxAliasCount: 1000 }), { error: teachingErrors });
  if (!parsed.success) {
    throw new DataFileError(
      parsed.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        return {
          file,
          line: lineOf(path),
          column: 1,
          path: path.join('.'),
          message: issue.message,
        };
      }),
    );
  }
  return { value: parsed.data, lineOf };
}

export function loadDataFile<S extends z.ZodType>(file: string, schema: S): Located<z.output<S>> {
  return parseDataText(readFileSync(file, 'utf8'), file, schema);
}
