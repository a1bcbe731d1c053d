// The peer of the sim bench, in its own process: bare node:http that makes the same HTTP hops as
// `npm run sim` per message, with fetch as the fake's callbacks and the SDK do, and no other work.
// POST /in: the handset's text → one JSON POST to /hook (the inbound callback) → 201.
// POST /reply: the agent's reply → a form POST to /send (the SDK's send) → a JSON POST to /report
// (the delivery report) → 200.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

const read = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });

let base = '';
const post = async (path: string, type: string, body: string): Promise<unknown> => {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  });
  return response.json();
};

const server = createServer(async (req, res) => {
  const body = await read(req);
  const json = (status: number, value: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  if (req.url === '/in') {
    const { to, text } = JSON.parse(body) as { to: string; text: string };
    await post('/hook', 'application/json', JSON.stringify({ sub_resource: 'mo_sms', to, text }));
    return json(201, { to, text });
  }
  if (req.url === '/reply') {
    const { text } = JSON.parse(body) as { text: string };
    const form = new URLSearchParams({ phone_number: '15555550100', message: text }).toString();
    await post('/send', 'application/x-www-form-urlencoded', form);
    await post('/report', 'application/json', JSON.stringify({ status: { code: 200 } }));
    return json(200, { text });
  }
  json(200, { ok: true, length: body.length });
});
server.listen(0, '127.0.0.1', () => {
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.send?.({ url: base });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
