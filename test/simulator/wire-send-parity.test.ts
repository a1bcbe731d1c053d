// POST /v1/messaging answers and journals the same on the node:http fast path (a plain request) as
// through hono (the same request with a query string, which the fast path leaves to hono).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../simulator/backend/journal';
import { createSimulator, type Simulator } from '../../simulator/index';
import { rawHeaders } from './raw-request';

let sim: Simulator;
let url: string;
let account: { customerId: string; apiKey: string };
beforeAll(async () => {
  sim = createSimulator();
  ({ url } = await sim.listen(0));
  account = await sim.backend.accounts.create({});
});
afterAll(async () => {
  await sim.close();
});

const FORM = 'phone_number=15555550100&message=Hello+w%C3%B6rld&message_type=ARN&external_id=e1';

/** Sends a signed request (the query is not signed: TeleSign signs the path alone). */
async function send(query: string, body: string, apiKey = account.apiKey) {
  const response = await fetch(`${url}/v1/messaging${query}`, {
    method: 'POST',
    headers: rawHeaders({ customerId: account.customerId, apiKey, body }),
    body,
  });
  const headers = Object.fromEntries(
    [...response.headers].filter(([name]) => !['date'].includes(name)),
  );
  const entry = sim.backend.journal.list({ kind: 'api' }).at(-1) as JournalEntry;
  return { status: response.status, headers, body: await response.text(), entry };
}

/** What may differ between two sends: ids, times, nonces and signatures, the query. */
function comparable(answer: Awaited<ReturnType<typeof send>>) {
  const { entry } = answer;
  const mask = (text: string) =>
    text
      .replace(/[0-9A-F]{32}/g, '<ref>')
      .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<time>')
      .replace(/\?via=hono/g, '');
  const headers = (h: Record<string, string>) => {
    const { date, 'x-ts-nonce': nonce, authorization, ...rest } = h;
    return { ...rest, date: typeof date, nonce: typeof nonce, authorization: typeof authorization };
  };
  return {
    status: answer.status,
    headers: answer.headers,
    body: mask(answer.body),
    entry: {
      ...entry,
      seq: 0,
      at: '',
      latencyMs: 0,
      referenceId: entry.referenceId ? '<ref>' : undefined,
      signature: typeof entry.signature,
      signed: entry.signed
        ?.split('\n')
        .filter((line, i) => i !== 2 && !line.startsWith('x-ts-nonce:')),
      request: {
        ...entry.request,
        url: mask(entry.request?.url ?? ''),
        headers: headers(entry.request?.headers ?? {}),
      },
      response: { ...entry.response, body: mask(entry.response?.body ?? '') },
    },
  };
}

describe('POST /v1/messaging on the fast path and through hono', () => {
  it.each([
    ['a send', FORM, undefined],
    ['a send with a bad phone number', FORM.replace('15555550100', '1'), undefined],
    ['a send with a wrong signature', FORM, 'AAAA'],
  ])('answers and journals %s the same way', async (_, body, apiKey) => {
    const fast = await send('', body, apiKey);
    const hono = await send('?via=hono', body, apiKey);
    expect(fast.entry.seq).not.toBe(hono.entry.seq);
    expect(comparable(fast)).toEqual(comparable(hono));
    // …down to the order the journal lists the request's headers in.
    expect(Object.keys(fast.entry.request?.headers ?? {})).toEqual(
      Object.keys(hono.entry.request?.headers ?? {}),
    );
  });
});
