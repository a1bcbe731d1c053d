// `npm run replay -- <files or folders>`: replays recorded conversations against a fresh in-process
// world and prints, per conversation, "same" or a readable diff; exits 1 on any difference.
import { SingleBar } from 'cli-progress';
import { z } from 'zod';
import { findScenarioFiles } from '../scenarios/engine/load-scenario';
import { type ReplayOutcome, replayFile } from '../scenarios/engine/replay';
import { readCliArgs } from './cli-args';

const USAGE =
  'usage: npm run replay -- [--transport in-process|sockets] [--no-progress] <files or folders…> (default fixtures/conversations)';

const flagsSchema = z.object({
  transport: z
    .enum(['in-process', 'sockets'], { message: 'transport is in-process or sockets' })
    .default('in-process'),
  'no-progress': z.boolean().default(false),
  help: z.boolean().default(false),
});

async function main(): Promise<number> {
  const args = readCliArgs(
    {
      transport: { type: 'string' },
      'no-progress': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    flagsSchema,
    USAGE,
  );
  if (args.kind === 'exit') return args.code;
  const { flags: data, positionals } = args;
  const paths = positionals.length > 0 ? positionals : ['fixtures/conversations'];
  let files: string[];
  try {
    files = findScenarioFiles(paths);
  } catch (error) {
    console.error(`cannot read ${paths.join(', ')}: ${(error as Error).message}`);
    return 2;
  }
  if (files.length === 0) {
    console.error(`no recordings (.yaml, .yml, .json) in ${paths.join(', ')}`);
    return 2;
  }
  const started = performance.now();
  const showProgress = !data['no-progress'] && process.stderr.isTTY;
  const bar = new SingleBar({
    format: 'replaying [{bar}] {value}/{total} {file}',
    stream: process.stderr,
    hideCursor: true,
  });
  if (showProgress) bar.start(files.length, 0, { file: '' });
  const outcomes: ReplayOutcome[] = [];
  for (const file of files) {
    if (showProgress) bar.update(outcomes.length, { file });
    else process.stderr.write(`replaying ${outcomes.length + 1}/${files.length} ${file}\n`);
    outcomes.push(await replayFile(file, data.transport));
  }
  if (showProgress) {
    bar.update(files.length, { file: '' });
    bar.stop();
  }
  for (const o of outcomes) {
    console.log(`${o.same ? 'same     ' : 'DIFFERENT'} ${o.file} — ${o.name} (${o.ms} ms)`);
    for (const line of o.diff) console.log(`    ${line}`);
  }
  const different = outcomes.filter((o) => !o.same).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `\n${outcomes.length} replayed: ${outcomes.length - different} same, ${different} different (${seconds} s)`,
  );
  return different > 0 ? 1 : 0;
}

// Exit at once: the TeleSign SDK leaves its request timeout timers running after every call.
process.exit(await main());
