// Load generation for the channel bench: keep-alive requests, a fixed number in flight, latency
// quantiles, and the bare hono echo server the channel is compared with.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Hono } from 'hono';
import { listen } from '../../lib/listen';

export const CONCURRENCY = 32;

export interface Figures {
  label: string;
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** CPU time of the whole process (load generator and servers) per operation, in µs: steadier than msg/s on a busy machine. */
  cpuMicros: number;
}

export const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** One HTTP request over a keep-alive socket; resolves with status and body text. */
export function send(
  url: string,
  method: string,
  body: string,
  headers: Record<string, string> = {},
) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

/** Runs `total` operations with `CONCURRENCY` in flight; each resolves when its own work is done. */
export async function drive(
  label: string,
  total: number,
  operation: (i: number) => Promise<void>,
): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const worker = async (): Promise<void> => {
    while (next < total) {
      const i = next++;
      const t0 = performance.now();
      await operation(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  return {
    label,
    count: total,
    perSecond: total / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    cpuMicros: (used.user + used.system) / total,
  };
}

export async function echoServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const app = new Hono();
  app.post('/echo', async (c) => c.text(await c.req.text()));
  return listen(app.fetch);
}

export const fmt = (f: Figures): string =>
  `${f.label.padEnd(58)} ${f.perSecond.toFixed(0).padStart(7)} msg/s   p50 ${f.p50.toFixed(2).padStart(7)} ms   p99 ${f.p99.toFixed(2).padStart(7)} ms   cpu ${f.cpuMicros.toFixed(0).padStart(5)} µs/msg   (n=${f.count})`;
