// Reads a request body as text with a size limit, so that huge bodies are refused, not buffered.
import type { Context } from 'hono';

export const MAX_BODY_BYTES = 64 * 1024;

/** The body text, or null when it is larger than `limit` bytes. */
export async function readBodyText(c: Context, limit = MAX_BODY_BYTES): Promise<string | null> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > limit) return null;
  const text = await c.req.text();
  return Buffer.byteLength(text) > limit ? null : text;
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
