// Fake TeleSign benchmark: POST /v1/messaging with full TSA verification vs a bare node:http twin.
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { hmacSignature, stringToSign } from '../../lib/telesign-signing';

export const name = 'telesign';

const IN_FLIGHT = 50;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 3000);
/** Alternating rounds: on a shared machine one round can be unlucky, the median is steadier. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_MS = 500;
const FORM = 'phone_number=15555550100&message=Hello+w%C3%B6rld+%26+more%3D1%2B2&message_type=ARN';
const CONTENT_TYPE = 'application/x-www-form-urlencoded';

interface Target {
  port: number;
  customerId?: string;
  apiKey?: string;
  /** CPU microseconds (user + system) the server process has used so far. */
  cpu(): Promise<number>;
  stop(): void;
}

interface Figures {
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Server CPU microseconds per answered request. */
  cpuPerRequest: number;
}

function startTarget(mode: 'fake' | 'bare'): Promise<Target> {
  const script = fileURLToPath(new URL('../servers/telesign-target.ts', import.meta.url));
  const child = fork(script, [mode], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (m) => {
      const info = m as { port: number; customerId?: string; apiKey?: string };
      const cpu = (): Promise<number> =>
        new Promise((done) => {
          child.once('message', (reply) => {
            const { user, system } = (reply as { cpu: NodeJS.CpuUsage }).cpu;
            done(user + system);
          });
          child.send('cpu');
        });
      resolve({ ...info, cpu, stop: () => child.kill() });
    });
  });
}

/** Signed headers made ahead of time (fresh nonce and date each), so signing costs the client nothing. */
function presign(target: Target, count: number): Record<string, string>[] {
  const date = new Date().toUTCString();
  return Array.from({ length: count }, () => {
    const nonce = crypto.randomUUID();
    const text = stringToSign({
      method: 'POST',
      contentType: CONTENT_TYPE,
      date,
      authMethod: 'HMAC-SHA256',
      nonce,
      body: FORM,
      resource: '/v1/messaging',
    });
    return {
      'Content-Type': CONTENT_TYPE,
      'Content-Length': String(Buffer.byteLength(FORM)),
      Date: date,
      'x-ts-auth-method': 'HMAC-SHA256',
      'x-ts-nonce': nonce,
      Authorization: `TSA ${target.customerId}:${hmacSignature(target.apiKey ?? '', text)}`,
    };
  });
}

async function load(
  target: Target,
  headers: Record<string, string>[] | null,
  ms: number,
): Promise<Figures> {
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const deadline = performance.now() + ms;
  const one = (): Promise<void> =>
    new Promise((resolve) => {
      const h = headers
        ? headers[next++ % headers.length]
        : { 'Content-Type': CONTENT_TYPE, 'Content-Length': String(Buffer.byteLength(FORM)) };
      const started = performance.now();
      const req = request(
        {
          host: '127.0.0.1',
          port: target.port,
          path: '/v1/messaging',
          method: 'POST',
          agent,
          headers: h,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) errors++;
            latencies.push(performance.now() - started);
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(FORM);
    });
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) await one();
  };
  const cpuBefore = await target.cpu();
  const began = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const elapsed = performance.now() - began;
  const cpuUsed = (await target.cpu()) - cpuBefore;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return {
    count: latencies.length,
    perSecond: (latencies.length / elapsed) * 1000,
    p50: pct(0.5),
    p99: pct(0.99),
    errors,
    cpuPerRequest: cpuUsed / Math.max(1, latencies.length),
  };
}

async function measure(mode: 'fake' | 'bare'): Promise<Figures> {
  const target = await startTarget(mode);
  try {
    // Enough fresh nonces for a generous 40 000 req/s; a reused nonce would be refused (-30012).
    const headers =
      mode === 'fake'
        ? presign(target, Math.ceil(((DURATION_MS + WARMUP_MS) / 1000) * 40_000))
        : null;
    await load(target, headers ? headers.slice(0, 2000) : null, WARMUP_MS);
    return await load(target, headers ? headers.slice(2000) : null, DURATION_MS);
  } finally {
    target.stop();
  }
}

const line = (label: string, f: Figures): string =>
  `${label.padEnd(34)} ${f.perSecond.toFixed(0).padStart(7)} req/s   p50 ${f.p50.toFixed(2).padStart(6)} ms   p99 ${f.p99.toFixed(2).padStart(7)} ms   server CPU ${f.cpuPerRequest.toFixed(0).padStart(4)} µs/req   (${f.count} requests, ${f.errors} errors)`;

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function run(): Promise<void> {
  console.log(
    `POST /v1/messaging, form body, ${IN_FLIGHT} in flight, ${DURATION_MS / 1000} s per server, ${ROUNDS} alternating rounds, server in its own process`,
  );
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const bare = await measure('bare');
    console.log(line(`[${round}] bare node:http (no auth)`, bare));
    const fake = await measure('fake');
    console.log(line(`[${round}] fake TeleSign (TSA verified)`, fake));
    ratios.push(fake.perSecond / bare.perSecond);
    cpuRatios.push(bare.cpuPerRequest / fake.cpuPerRequest);
  }
  console.log(
    `ratio fake / bare per round: ${ratios.map((r) => r.toFixed(2)).join(', ')}; median ${median(ratios).toFixed(2)} (aim ≥ 0.40; Mockoon 0.04, Prism 0.08)`,
  );
  console.log(
    `same ratio from server CPU per request (steadier on a busy machine): ${cpuRatios.map((r) => r.toFixed(2)).join(', ')}; median ${median(cpuRatios).toFixed(2)}`,
  );
}
