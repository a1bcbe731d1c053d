// POST /v1/messaging straight off node:http: the same exchange and route as through hono (full
// authentication, validation, journal), without building web Request and Response objects. Only
// the plain case takes this path; anything the front door would look at twice goes to hono.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostnameOf, isAllowedHostname } from '../../lib/http-guard/hosts';
import type { ApiAnswer, ApiExchange, ApiRequest, ApiRoute } from './api-exchange';
import { MAX_BODY_BYTES } from './read-body';
import { internalErrorAnswer } from './telesign-envelope';

export interface WireSendOptions {
  exchange: ApiExchange;
  /** The POST /v1/messaging route. */
  send: ApiRoute;
  basePath: string;
  /** Host names answered besides loopback (the front door's list). */
  allowedHosts: () => readonly string[];
  now: () => number;
}

/** Handles the request and returns true, or returns false (untouched) for hono to handle. */
export type WireHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Headers as a web `Headers` object shows them: lower-case names, repeated ones joined by ", ".
 * Node's `req.headers` keeps only the first of some repeated headers, so it is not used.
 */
function headerRecord(raw: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = (raw[i] ?? '').toLowerCase();
    const value = raw[i + 1] ?? '';
    const seen = headers[name];
    headers[name] = seen === undefined ? value : `${seen}, ${value}`;
  }
  return headers;
}

/** The body as text, decoded as `Request.text()` does (UTF-8, a leading BOM dropped). */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => {
      const text = (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString(
        'utf8',
      );
      resolve(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    });
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('the client closed the request before its body ended'));
    });
  });
}

function write(res: ServerResponse, answer: ApiAnswer): void {
  const headers: Record<string, string | number> = {};
  for (const name in answer.headers) headers[name.toLowerCase()] = answer.headers[name] as string;
  if (answer.body !== null) headers['content-length'] = Buffer.byteLength(answer.body);
  res.writeHead(answer.status, headers);
  res.end(answer.body ?? undefined);
}

export function createWireSend(options: WireSendOptions): WireHandler {
  const target = `${options.basePath}/v1/messaging`;
  // The URL hono would build for a Host (WHATWG-normalised), for the hosts seen so far.
  const urls = new Map<string, string | null>();
  const urlFor = (host: string): string | null => {
    let url = urls.get(host);
    if (url === undefined) {
      const name = hostnameOf(host);
      const built = `http://${host}${target}`;
      try {
        // Only a Host the URL parser leaves as it is: the journal then shows what hono would.
        url = name !== null && new URL(built).href === built ? built : null;
      } catch {
        url = null;
      }
      if (urls.size >= 64) urls.clear();
      urls.set(host, url);
    }
    return url;
  };

  return (req, res) => {
    if (req.method !== 'POST' || req.url !== target) return false;
    const h = req.headers;
    // Browsers (Origin, Sec-Fetch-Site), streamed or large bodies: the front door's full checks.
    if (h.origin !== undefined || h['sec-fetch-site'] !== undefined) return false;
    if (h['transfer-encoding'] !== undefined) return false;
    const length = h['content-length'];
    if (length === undefined || !(Number(length) <= MAX_BODY_BYTES)) return false;
    const host = h.host;
    if (host === undefined) return false;
    const url = urlFor(host);
    const name = url === null ? null : hostnameOf(host);
    if (url === null || name === null || !isAllowedHostname(name, options.allowedHosts())) {
      return false;
    }
    const headers = headerRecord(req.rawHeaders);
    const request: ApiRequest = {
      method: 'POST',
      url,
      path: target,
      header: (header) => headers[header],
      headers,
      body: () => readBody(req),
    };
    options.exchange(request, options.send).then(
      (answer) => write(res, answer),
      (error: unknown) => {
        if (res.headersSent || res.destroyed) return;
        write(res, internalErrorAnswer(error, options.now()));
      },
    );
    return true;
  };
}
