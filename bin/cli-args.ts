// One way the small commands (replay, import) read their flags: node's parseArgs for the syntax,
// a zod schema for the values, and a usage text with every refusal; `--help` answers the usage.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { z } from 'zod';

export type CliArgs<T> =
  | { kind: 'run'; flags: T; positionals: string[] }
  | { kind: 'exit'; code: number };

export function readCliArgs<S extends z.ZodType<{ help: boolean }>>(
  options: NonNullable<ParseArgsConfig['options']>,
  schema: S,
  usage: string,
  args: string[] = process.argv.slice(2),
): CliArgs<z.output<S>> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return { kind: 'exit', code: 2 };
  }
  const flags = schema.safeParse(parsed.values);
  if (!flags.success) {
    const lines = flags.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`);
    console.error(`${lines.join('\n')}\n${usage}`);
    return { kind: 'exit', code: 2 };
  }
  if (flags.data.help) {
    console.log(usage);
    return { kind: 'exit', code: 0 };
  }
  return { kind: 'run', flags: flags.data, positionals: parsed.positionals };
}
