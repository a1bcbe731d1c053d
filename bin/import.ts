// `npm run import -- <log>`: a production log of TeleSign callbacks (JSON lines) → a scrubbed,
// replayable recording. Checks the result before writing it: no phone number of the log is left in
// it, and it replays "same".
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { replayFile } from '../scenarios/engine/replay';
import { readCallbackLog } from '../scenarios/import/callback-log';
import { importCallbackLog } from '../scenarios/import/import-log';
import { readCliArgs } from './cli-args';

const USAGE = `usage: npm run import -- <log.jsonl> [--out <recording.yaml>] [--salt <text>] [--name <word>]… [--world <name>] [--title <text>]
  <log.jsonl>  one JSON object per line: {"receivedAt": ISO time, "headers": {…}, "body": "<raw body TeleSign posted>"}
  --out        where to write the recording (default: print it)
  --salt       keys the scrubbing: the same salt maps the same numbers and names alike (default: "sms-channel-simulator")
  --name       a name known to appear in texts (e.g. from the CRM); repeat for more
  --world      the world to replay against (default: default)
  --title      the recording's name`;

const flagsSchema = z.strictObject({
  out: z.string().min(1, 'out is a file path').optional(),
  salt: z.string().min(1, 'salt must not be empty').default('sms-channel-simulator'),
  name: z.array(z.string().min(2, 'each --name has at least 2 characters')).default([]),
  world: z.string().min(1).default('default'),
  title: z.string().min(1).optional(),
  help: z.boolean().default(false),
});

async function main(): Promise<number> {
  const args = readCliArgs(
    {
      out: { type: 'string', short: 'o' },
      salt: { type: 'string' },
      name: { type: 'string', multiple: true },
      world: { type: 'string' },
      title: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    flagsSchema,
    USAGE,
  );
  if (args.kind === 'exit') return args.code;
  const { flags: data, positionals } = args;
  const [log, ...extra] = positionals;
  if (!log || extra.length > 0) {
    console.error(`give exactly one log file\n${USAGE}`);
    return 2;
  }
  let events: ReturnType<typeof readCallbackLog>;
  try {
    events = readCallbackLog(readFileSync(log, 'utf8'));
  } catch (error) {
    console.error(`${log}: ${(error as Error).message}`);
    return 2;
  }
  const result = await importCallbackLog(events, {
    salt: data.salt,
    names: data.name,
    world: data.world,
    name: data.title ?? `imported from ${basename(log)}`,
    source: basename(log),
  });
  const leaked = result.originals.filter((value) => result.yaml.includes(value));
  if (leaked.length > 0) {
    console.error(`refusing to write: personal data left in the recording: ${leaked.join(', ')}`);
    return 1;
  }
  // The recording must replay as the session it came from.
  const dir = mkdtempSync(join(tmpdir(), 'import-'));
  const check = join(dir, 'recording.yaml');
  writeFileSync(check, result.yaml);
  const replay = await replayFile(check);
  rmSync(dir, { recursive: true, force: true });
  const s = result.summary;
  console.error(
    `${events.length} callbacks: ${s.inbound} inbound SMS from ${s.customers} customer(s), ${s.replies} repl(ies); replay: ${replay.same ? 'same' : 'DIFFERENT'}`,
  );
  for (const line of s.skipped) console.error(`  skipped ${line}`);
  for (const line of replay.diff) console.error(`    ${line}`);
  if (!replay.same) return 1;
  if (data.out) {
    writeFileSync(data.out, result.yaml);
    console.error(`wrote ${data.out}`);
  } else process.stdout.write(result.yaml);
  return 0;
}

// Exit at once: the TeleSign SDK leaves its request timeout timers running after every call.
process.exit(await main());
