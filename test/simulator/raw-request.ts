// Hand-made TeleSign requests, for the authentication failures the official SDK cannot produce.
import { hmacSignature, stringToSign } from '../../lib/telesign-signing';

export interface RawOptions {
  customerId: string;
  apiKey: string;
  method?: string;
  resource?: string;
  body?: string;
  contentType?: string;
  date?: string | null;
  xTsDate?: string;
  nonce?: string | null;
  authMethod?: string | null;
  /** Replaces the computed Authorization header (null = none). */
  authorization?: string | null;
  /** Joins the string-to-sign with this separator instead of LF. */
  separator?: string;
}

export function rawHeaders(o: RawOptions): Record<string, string> {
  const method = o.method ?? 'POST';
  const contentType =
    o.contentType ?? (method === 'POST' ? 'application/x-www-form-urlencoded' : '');
  const date = o.date === undefined ? new Date().toUTCString() : o.date;
  const nonce = o.nonce === undefined ? crypto.randomUUID() : o.nonce;
  const authMethod = o.authMethod === undefined ? 'HMAC-SHA256' : o.authMethod;
  const text = stringToSign({
    method,
    contentType,
    date: date ?? undefined,
    xTsDate: o.xTsDate,
    authMethod: authMethod ?? undefined,
    nonce: nonce ?? undefined,
    body: o.body,
    resource: o.resource ?? '/v1/messaging',
  });
  const signature = hmacSignature(
    o.apiKey,
    o.separator ? text.split('\n').join(o.separator) : text,
  );
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (date !== null) headers.Date = date;
  if (o.xTsDate !== undefined) headers['x-ts-date'] = o.xTsDate;
  if (nonce !== null) headers['x-ts-nonce'] = nonce;
  if (authMethod !== null) headers['x-ts-auth-method'] = authMethod;
  const authorization =
    o.authorization === undefined ? `TSA ${o.customerId}:${signature}` : o.authorization;
  if (authorization !== null) headers.Authorization = authorization;
  return headers;
}

export interface TeleSignAnswer {
  status: { code: number; description: string; updated_on: string };
  reference_id?: string;
  external_id?: string | null;
}

/** Sends a hand-signed request to `url` and returns status and parsed JSON body. */
export async function rawRequest(
  url: string,
  o: RawOptions,
): Promise<{ status: number; body: TeleSignAnswer; hint: string | null }> {
  const method = o.method ?? 'POST';
  const response = await fetch(`${url}${o.resource ?? '/v1/messaging'}`, {
    method,
    headers: rawHeaders(o),
    ...(o.body !== undefined ? { body: o.body } : {}),
  });
  return {
    status: response.status,
    body: (await response.json()) as TeleSignAnswer,
    hint: response.headers.get('x-sim-hint'),
  };
}
