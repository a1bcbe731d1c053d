// A real loopback callback receiver that verifies TeleSign signatures like TeleSign's sample code.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  body: string;
  json: Record<string, unknown>;
  authorization: string;
  xTsAuthorization: string;
}

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** The HTTP status the receiver answers with (default 200). */
  answer: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/**
 * TeleSign's published check (sample_code java/python webhooks): HMAC-SHA256 of the raw body with
 * the base64-decoded API key, base64, compared to the signature part of `Authorization: TSA cid:sig`.
 */
export function teleSignSampleVerify(apiKey: string, authorization: string, body: string): boolean {
  const signature = authorization.split(' ')[1]?.split(':')[1] ?? '';
  const expected = createHmac('sha256', Buffer.from(apiKey, 'base64'))
    .update(body)
    .digest('base64');
  return signature === expected;
}

export async function startReceiver(port = 0): Promise<Receiver> {
  let server: Server | undefined;
  const receiver: Receiver = {
    url: '',
    port,
    received: [],
    answer: 200,
    async start() {
      const s = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if (receiver.answer === 200) {
            receiver.received.push({
              body,
              json: JSON.parse(body) as Record<string, unknown>,
              authorization: String(req.headers.authorization ?? ''),
              xTsAuthorization: String(req.headers['x-ts-authorization'] ?? ''),
            });
          }
          res.writeHead(receiver.answer).end();
        });
      });
      await new Promise<void>((resolve) => s.listen(receiver.port, '127.0.0.1', resolve));
      server = s;
      receiver.port = (s.address() as AddressInfo).port;
      receiver.url = `http://127.0.0.1:${receiver.port}/telesign`;
    },
    async stop() {
      const s = server;
      server = undefined;
      if (s) {
        s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
    },
  };
  await receiver.start();
  return receiver;
}
