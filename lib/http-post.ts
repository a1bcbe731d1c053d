// One POST over node:http(s) with kept-alive connections: status, headers and body as text. The
// fake TeleSign's callbacks go out this way instead of through `fetch`, whose Request, Response and
// web streams cost more CPU than the whole rest of a callback (undici was ~7 % of the sim's CPU
// end to end). A redirect is an answer like any other: it is not followed.
import {
  type ClientRequest,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface PostAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Fails with an error whose `code` says why (ECONNREFUSED, ECONNRESET, ETIMEDOUT…). */
export type PostText = (
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
) => Promise<PostAnswer>;

const httpAgent = new HttpAgent({ keepAlive: true });
const httpsAgent = new HttpsAgent({ keepAlive: true });

const failure = (code: string, message: string): Error =>
  Object.assign(new Error(message), { code });

/** A header list as one value per name (repeated headers joined as `fetch` would). */
function flatHeaders(answer: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers))
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

export const postText: PostText = (url, headers, body, timeoutMs) =>
  new Promise<PostAnswer>((resolve, reject) => {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      reject(failure('ERR_INVALID_PROTOCOL', `cannot post to ${target.protocol} URLs`));
      return;
    }
    const https = target.protocol === 'https:';
    const send = https ? httpsRequest : httpRequest;
    const agent = https ? httpsAgent : httpAgent;
    const payload = Buffer.from(body, 'utf8');
    let current: ClientRequest | undefined;
    // The whole attempt, answer included, has `timeoutMs` of real time.
    const timer = setTimeout(
      () => current?.destroy(failure('ETIMEDOUT', `no answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const fail = (error: Error): void => {
      clearTimeout(timer);
      reject(error);
    };
    const post = (pooled: boolean): void => {
      const req = send(target, {
        method: 'POST',
        agent: pooled ? agent : false,
        headers: { ...headers, 'Content-Length': String(payload.length) },
      });
      current = req;
      let answered = false;
      req.on('error', (error: Error & { code?: string }) => {
        // A kept-alive connection the receiver closed while it sat idle: the request never reached
        // it, so it goes once more on a connection of its own (as browsers do).
        const stale = error.code === 'ECONNRESET' || error.code === 'EPIPE';
        if (pooled && req.reusedSocket && stale && !answered) post(false);
        else fail(error);
      });
      req.on('response', (answer) => {
        answered = true;
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('error', fail);
        // Cut off mid-body (the timeout, a reset): a close without an end.
        answer.on('close', () => {
          if (!answer.complete) fail(failure('ECONNRESET', 'the answer was cut off'));
        });
        answer.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: answer.statusCode ?? 0,
            headers: flatHeaders(answer),
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      });
      req.end(payload);
    };
    post(true);
  });
