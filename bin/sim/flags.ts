// The command line of `npm run sim`: flags, then environment variables, then defaults, validated with zod.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseDuration } from '../../scenarios/duration';

export interface SimFlags {
  telesignPort: number;
  channelPort: number;
  host: string;
  /** Folder of the lowdb JSON files; null with `--memory`. */
  dataDir: string | null;
  /** Sync both journals to the disk before answering (survives a power cut); off by default. */
  fsync: boolean;
  seed: number | null;
  world: string;
  clock: 'real' | 'manual';
  record: string | null;
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent';
  logJson: boolean;
  /** How often the channel sweeps for conversations due to auto-close (R-CV-3); 0 = never. */
  sweepIntervalMs: number;
  /** Host names both servers answer besides loopback and --host (`.example.test` = its subdomains). */
  allowedHosts: string[];
  /** Browser origins that may call both servers besides the console's own. */
  allowedOrigins: string[];
}

export type FlagsOutcome =
  | { kind: 'run'; flags: SimFlags }
  | { kind: 'help'; text: string }
  | { kind: 'error'; message: string };

export const DEFAULT_TELESIGN_PORT = 4010;
export const DEFAULT_CHANNEL_PORT = 4020;
export const DEFAULT_DATA_DIR = '.sim-data';
export const DEFAULT_WORLD = 'default';
export const DEFAULT_SWEEP_INTERVAL_MS = 60_000;

export const HELP = `Usage: npm run sim -- [options]

Starts the fake TeleSign and the SMS channel side by side, seeded with a world, and serves the
web console at the channel's URL.

Options (flag, then environment variable, then default):
  --telesign-port <n>   fake TeleSign port            TELESIGN_PORT   4010  (0 = any free port)
  --channel-port <n>    channel and console port      CHANNEL_PORT    4020  (0 = any free port)
  --host <address>      address to listen on          SIM_HOST        127.0.0.1
  --data <folder>       lowdb JSON data folder        SIM_DATA        .sim-data/
  --memory              keep nothing on disk          SIM_MEMORY=1
  --fsync               sync both journals to the disk before answering (survives a power
                        cut, costs a disk flush per batch of writes)   SIM_FSYNC=1
  --seed <n>            faker seed of the world       SIM_SEED        the world's own seed
  --world <fixture>     world name or YAML file       SIM_WORLD       default
  --clock real|manual   shared clock                  SIM_CLOCK       real
  --record <file>       record the session as a scenario file
  --sweep-interval <d>  auto-close sweep period       SIM_SWEEP_INTERVAL  60s  (30s, 5m, 1h; 0 = off)
  --log-level <level>   trace|debug|info|warn|error|silent   LOG_LEVEL  info
  --log-json            JSON log lines instead of readable ones  LOG_JSON=1
  --allowed-host <name> also answer to this Host name (repeatable; .example.test = its subdomains)
                                                      SIM_ALLOWED_HOSTS (comma-separated)
  --allowed-origin <o>  let pages of this origin call both servers (repeatable), e.g.
                        http://localhost:5173         SIM_ALLOWED_ORIGINS (comma-separated)
  -h, --help            show this help

A 200 from the fake TeleSign's POST /v1/messaging, a handset's text and every channel save are
answered only once their journal line is written: a crash (kill -9) right after loses nothing.
Without --fsync a power cut can lose the last moments, as with most local tools.

The world is seeded on the first start only; a restart on the same data folder keeps the world
and its conversations. Delete the folder (or use --memory) to start afresh.

Auto-close (R-CV-3) is a periodic sweep on the shared clock: a conversation is closed at the first
sweep at or after it becomes due, so it can stay up to one interval past its limit.`;

const port = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(0, `${name} must be between 0 and 65535`)
    .max(65535, `${name} must be between 0 and 65535`);

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'], { error: 'must be 1, 0, true or false' })
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const hostName = z
  .string()
  .regex(
    /^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$|^\[[0-9a-f:.]+\]$/i,
    '--allowed-host must be a host name without port, e.g. sim.example.test or .example.test',
  )
  .transform((h) => h.toLowerCase());

const origin = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return /^https?:$/.test(url.protocol) && url.origin === value.toLowerCase();
    } catch {
      return false;
    }
  }, '--allowed-origin must be an origin: scheme, host and port only, e.g. http://localhost:5173')
  .transform((o) => o.toLowerCase());

const schema = z
  .strictObject({
    telesignPort: port('--telesign-port'),
    channelPort: port('--channel-port'),
    host: z.string().min(1, '--host cannot be empty'),
    data: z.string().min(1, '--data cannot be empty'),
    memory: z.union([z.boolean(), bool]),
    seed: z.coerce
      .number({ error: '--seed must be a whole number' })
      .int('--seed must be a whole number')
      .optional(),
    world: z.string().min(1, '--world cannot be empty'),
    clock: z.enum(['real', 'manual'], { error: '--clock must be real or manual' }),
    record: z.string().min(1, '--record needs a file name').optional(),
    logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent'], {
      error: '--log-level must be one of trace, debug, info, warn, error, silent',
    }),
    logJson: z.union([z.boolean(), bool]),
    sweepInterval: z
      .string()
      .transform((text, ctx) => {
        const ms = text.trim() === '0' ? 0 : parseDuration(text);
        if (ms === null || (ms > 0 && ms < 1000) || ms > 86_400_000) {
          ctx.addIssue({
            code: 'custom',
            message: '--sweep-interval is a duration from 1s to 1d (30s, 5m, 1h), or 0 for off',
          });
          return z.NEVER;
        }
        return ms;
      })
      .optional(),
    allowedHosts: z.array(hostName),
    allowedOrigins: z.array(origin),
    fsync: z.union([z.boolean(), bool], { error: 'SIM_FSYNC must be 1, 0, true or false' }),
  })
  .refine((f) => !(f.fsync && f.memory), {
    message: '--fsync needs a data folder: with --memory nothing is written',
    path: ['fsync'],
  });

const options = {
  'telesign-port': { type: 'string' },
  'channel-port': { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  memory: { type: 'boolean' },
  fsync: { type: 'boolean' },
  seed: { type: 'string' },
  world: { type: 'string' },
  clock: { type: 'string' },
  record: { type: 'string' },
  'log-level': { type: 'string' },
  'log-json': { type: 'boolean' },
  'sweep-interval': { type: 'string' },
  'allowed-host': { type: 'string', multiple: true },
  'allowed-origin': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

type Env = Record<string, string | undefined>;

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** Reads argv (without node and script) and env into validated flags, or says what is wrong. */
export function parseSimFlags(argv: readonly string[], env: Env = {}): FlagsOutcome {
  let values: ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help', text: HELP };
  const pick = (flag: string | boolean | undefined, variable: string | undefined) =>
    flag ?? (variable === '' ? undefined : variable);
  const parsed = schema.safeParse({
    telesignPort: pick(values['telesign-port'], env.TELESIGN_PORT) ?? DEFAULT_TELESIGN_PORT,
    channelPort: pick(values['channel-port'], env.CHANNEL_PORT) ?? DEFAULT_CHANNEL_PORT,
    host: pick(values.host, env.SIM_HOST) ?? '127.0.0.1',
    data: pick(values.data, env.SIM_DATA) ?? DEFAULT_DATA_DIR,
    memory: pick(values.memory, env.SIM_MEMORY) ?? false,
    fsync: pick(values.fsync, env.SIM_FSYNC) ?? false,
    seed: pick(values.seed, env.SIM_SEED),
    world: pick(values.world, env.SIM_WORLD) ?? DEFAULT_WORLD,
    clock: pick(values.clock, env.SIM_CLOCK) ?? 'real',
    record: values.record,
    logLevel: pick(values['log-level'], env.LOG_LEVEL) ?? 'info',
    logJson: pick(values['log-json'], env.LOG_JSON) ?? false,
    sweepInterval: pick(values['sweep-interval'], env.SIM_SWEEP_INTERVAL),
    allowedHosts: values['allowed-host'] ?? list(env.SIM_ALLOWED_HOSTS),
    allowedOrigins: values['allowed-origin'] ?? list(env.SIM_ALLOWED_ORIGINS),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? 'flags';
    return { kind: 'error', message: issue ? `${issue.message} (${field})` : 'invalid flags' };
  }
  const f = parsed.data;
  return {
    kind: 'run',
    flags: {
      telesignPort: f.telesignPort,
      channelPort: f.channelPort,
      host: f.host,
      dataDir: f.memory ? null : f.data,
      fsync: f.fsync,
      seed: f.seed ?? null,
      world: f.world,
      clock: f.clock,
      record: f.record ?? null,
      logLevel: f.logLevel,
      logJson: f.logJson,
      sweepIntervalMs: f.sweepInterval ?? DEFAULT_SWEEP_INTERVAL_MS,
      allowedHosts: f.allowedHosts,
      allowedOrigins: f.allowedOrigins,
    },
  };
}
