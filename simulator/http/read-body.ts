// Reads a request body as text with a size limit, so that huge bodies are refused, not buffered.
import type { Context } from 'hono';

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The body text, or null when it is larger than `limit` bytes. A declared Content-Length is judged
 * before reading (Node reads no more than it declares); a body without one is counted while it
 * streams and dropped at the limit, so a huge chunked body is never buffered.
 */
export async function readBodyText(c: Context, limit = MAX_BODY_BYTES): Promise<string | null> {
  const declared = c.req.header('content-length');
  if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
    if (Number(declared) > limit) return tooLarge(c);
    return c.req.text();
  }
  const stream = c.req.raw.body;
  if (!stream) return '';
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return tooLarge(c);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(c: Context): null {
  // The rest of the body is not wanted: close the connection instead of draining it.
  c.header('connection', 'close');
  return null;
}

/** The path as the client signed it: percent-decoded, without query and without `basePath`. */
export function signedResource(url: string, basePath: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const query = url.indexOf('?', start);
  let path = query === -1 ? url.slice(start) : url.slice(start, query);
  if (basePath && path.startsWith(basePath)) path = path.slice(basePath.length);
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
