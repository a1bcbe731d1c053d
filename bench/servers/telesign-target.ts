// A benchmark target in its own process: the fake TeleSign (full TSA verification) or a bare node:http twin.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimulator } from '../../simulator/index';

const mode = process.argv[2] === 'bare' ? 'bare' : 'fake';

async function startFake(): Promise<Record<string, string | number>> {
  const sim = createSimulator();
  const { port } = await sim.listen(0);
  const account = await sim.backend.accounts.create({});
  return { port, customerId: account.customerId, apiKey: account.apiKey };
}

/** What a hand-written server would do: parse the form, answer TeleSign's success JSON. */
async function startBare(): Promise<Record<string, string | number>> {
  let n = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const fields = new URLSearchParams(body);
      const json = JSON.stringify({
        reference_id: (n++).toString(16).toUpperCase().padStart(32, '0'),
        external_id: fields.get('external_id'),
        status: {
          code: 290,
          description: 'Message in progress',
          updated_on: new Date().toISOString(),
        },
      });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(json);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port };
}

const info = mode === 'bare' ? await startBare() : await startFake();
// The parent asks for CPU time around its timed window: on a busy machine, CPU per request is
// steadier than requests per second.
process.on('message', () => process.send?.({ cpu: process.cpuUsage() }));
process.on('SIGINT', () => process.exit(0));
process.send?.({ ready: true, ...info });
