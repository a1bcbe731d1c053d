// Fake TeleSign benchmark: POST /v1/messaging with full TSA verification against its peers (bare
// node:http, hono) under wrk, and a long run that shows whether the fake stays flat as it fills.
import { type ChildProcess, execFile, fork, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hmacSignature, stringToSign } from '../../lib/telesign-signing';

export const name = 'telesign';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Messages the long run sends into one fake (the flatness check). */
const FLAT_MESSAGES = Number(process.env.BENCH_FLAT_MESSAGES ?? 300_000);
const FORM = 'phone_number=15555550100&message=Hello+w%C3%B6rld+%26+more%3D1%2B2&message_type=ARN';
/** Enough fresh nonces for this many requests a second; past them the fake refuses (non-2xx). */
const PRESIGN_RATE = 30_000;
const SCRIPT = fileURLToPath(new URL('../servers/presigned.lua', import.meta.url));

export type Mode = 'bare' | 'hono' | 'fake' | 'traffic' | 'journal' | 'fsync';
interface Sample {
  cpu: number;
  rss: number;
  held: number;
}
export interface Target {
  port: number;
  customerId?: string;
  apiKey?: string;
  sample(): Promise<Sample>;
  /** Ends the process (it exits cleanly, so a --cpu-prof profile is written) and waits for it. */
  stop(): Promise<void>;
}
export interface Figures {
  perSecond: number;
  p99: number;
  requests: number;
  failed: number;
  cpuPerRequest: number;
  after: Sample;
}

export function startTarget(mode: Mode, execArgv: string[] = []): Promise<Target> {
  const script = fileURLToPath(new URL('../servers/telesign-target.ts', import.meta.url));
  const child: ChildProcess = fork(script, [mode], {
    execArgv: ['--import', 'tsx', ...execArgv],
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (m) => {
      const info = m as { port: number; customerId?: string; apiKey?: string };
      const sample = (): Promise<Sample> =>
        new Promise((done) => {
          child.once('message', (reply) => {
            const r = reply as { cpu: NodeJS.CpuUsage; rss: number; held: number };
            done({ cpu: r.cpu.user + r.cpu.system, rss: r.rss, held: r.held });
          });
          child.send('sample');
        });
      const stop = (): Promise<void> =>
        new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill();
        });
      resolve({ ...info, sample, stop });
    });
  });
}

/** Writes `count` requests signed ahead of time (fresh nonce each) for presigned.lua. */
async function presign(target: Target, count: number, file: string): Promise<void> {
  const date = new Date().toUTCString();
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const nonce = crypto.randomUUID();
    const text = stringToSign({
      method: 'POST',
      contentType: 'application/x-www-form-urlencoded',
      date,
      authMethod: 'HMAC-SHA256',
      nonce,
      body: FORM,
      resource: '/v1/messaging',
    });
    const auth = target.apiKey
      ? `TSA ${target.customerId}:${hmacSignature(target.apiKey, text)}`
      : 'none';
    lines.push(`${date}\t${nonce}\t${auth}`);
  }
  await writeFile(file, `${lines.join('\n')}\n`);
}

/** One wrk run against `target`; CPU per request is the server process's own. */
export async function load(target: Target, seconds: number, dir: string): Promise<Figures> {
  const file = join(dir, 'requests.txt');
  await presign(target, Math.ceil(seconds * PRESIGN_RATE), file);
  const before = await target.sample();
  const out = await new Promise<string>((resolve, reject) =>
    execFile(
      'wrk',
      [
        '-t1',
        `-c${process.env.BENCH_CONNECTIONS ?? CONNECTIONS}`,
        `-d${seconds}s`,
        '--latency',
        '-s',
        SCRIPT,
        `http://127.0.0.1:${target.port}`,
        '--',
        file,
        FORM,
      ],
      { maxBuffer: 1 << 20 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    ),
  );
  const after = await target.sample();
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  const failed = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const scale = { us: 0.001, ms: 1, s: 1000 } as const;
  return {
    perSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    p99: p99 ? Number(p99[1]) * scale[p99[2] as keyof typeof scale] : Number.NaN,
    requests,
    failed,
    cpuPerRequest: (after.cpu - before.cpu) / Math.max(1, requests),
    after,
  };
}

async function measure(mode: Mode, dir: string): Promise<Figures> {
  const target = await startTarget(mode);
  try {
    await load(target, 1, dir); // warm-up: compiled code, not the JIT, is compared
    return await load(target, DURATION_S, dir);
  } finally {
    await target.stop();
  }
}

const line = (label: string, f: Figures): string =>
  `${label.padEnd(34)} ${f.perSecond.toFixed(0).padStart(7)} req/s   p99 ${f.p99.toFixed(1).padStart(6)} ms   server CPU ${f.cpuPerRequest.toFixed(0).padStart(4)} µs/req   (${f.requests} requests, ${f.failed} failed)`;
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;

async function peers(dir: string): Promise<void> {
  const ratios: Record<'bare' | 'hono' | 'cpuBare', number[]> = { bare: [], hono: [], cpuBare: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    const bare = await measure('bare', dir);
    console.log(line(`[${round}] bare node:http (no auth)`, bare));
    const hono = await measure('hono', dir);
    console.log(line(`[${round}] hono, body as text (no auth)`, hono));
    const fake = await measure('fake', dir);
    console.log(line(`[${round}] fake TeleSign (TSA verified)`, fake));
    ratios.bare.push(fake.perSecond / bare.perSecond);
    ratios.hono.push(fake.perSecond / hono.perSecond);
    ratios.cpuBare.push(bare.cpuPerRequest / fake.cpuPerRequest);
  }
  const show = (values: number[]) =>
    `${values.map((r) => r.toFixed(2)).join(', ')} (median ${median(values).toFixed(2)})`;
  console.log(
    `fake / bare node:http, req/s: ${show(ratios.bare)}; before issue 12: 0.20–0.27; aim ≥ 0.5`,
  );
  console.log(`fake / bare node:http, from server CPU per request: ${show(ratios.cpuBare)}`);
  console.log(
    `fake / hono (text body), req/s: ${show(ratios.hono)}; Prism 0.08, Mockoon 0.04 of bare (reference)`,
  );
}

/** What waiting for the traffic journal costs: in memory, a line written per send, synced too (`--fsync`). */
async function journals(dir: string): Promise<void> {
  const memory = await measure('fake', dir);
  console.log(line('fake, traffic in memory', memory));
  const traffic = await measure('traffic', dir);
  console.log(line('fake, traffic journal only', traffic));
  const file = await measure('journal', dir);
  console.log(line('fake, traffic + request journal', file));
  const synced = await measure('fsync', dir);
  console.log(line('fake, traffic journal + --fsync', synced));
  console.log(
    `request journal on disk / traffic only: ${(file.perSecond / traffic.perSecond).toFixed(2)} req/s, ${(traffic.cpuPerRequest / file.cpuPerRequest).toFixed(2)} by CPU; journal / memory: ${(file.perSecond / memory.perSecond).toFixed(2)} req/s, ${(memory.cpuPerRequest / file.cpuPerRequest).toFixed(2)} by CPU; --fsync / journal: ${(synced.perSecond / file.perSecond).toFixed(2)} req/s, ${(file.cpuPerRequest / synced.cpuPerRequest).toFixed(2)} by CPU`,
  );
}

/** One fake, filled past its 100 000-message cap: is the last round as fast as the first? */
async function flat(dir: string): Promise<void> {
  const target = await startTarget('fake');
  try {
    const rounds: Figures[] = [];
    let sent = 0;
    while (sent < FLAT_MESSAGES) {
      const f = await load(target, DURATION_S, dir);
      rounds.push(f);
      sent += f.requests - f.failed;
      console.log(
        `  round ${String(rounds.length).padStart(2)}: ${line('', f).trim()}; ${sent} sent, ${f.after.held} held, RSS ${mb(f.after.rss)}`,
      );
      if (f.requests === 0) break;
    }
    const first = rounds[0];
    const last = rounds.at(-1);
    if (first && last)
      console.log(
        `last round / first: ${(last.perSecond / first.perSecond).toFixed(2)} req/s, ${(first.cpuPerRequest / last.cpuPerRequest).toFixed(2)} by CPU per request (aim ≥ 0.90); before issue 12: 6.2k → 2.2k req/s (0.35), RSS 253 → 663 MB`,
      );
  } finally {
    await target.stop();
  }
}

export async function run(): Promise<void> {
  if (spawnSync('wrk', ['-v']).error) {
    console.log('wrk is not installed (Debian: apt-get install -y wrk): skipped');
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'bench-telesign-'));
  try {
    console.log(
      `POST /v1/messaging, form body, wrk -t1 -c${CONNECTIONS}, ${DURATION_S} s per server after 1 s warm-up, ${ROUNDS} rounds; each server in its own process`,
    );
    await peers(dir);
    console.log('\nthe traffic journal: a send is answered once its line is written (issue 11)');
    await journals(dir);
    console.log(`\nlong run: ${FLAT_MESSAGES} messages into one fake (BENCH_FLAT_MESSAGES)`);
    await flat(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
