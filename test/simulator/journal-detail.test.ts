import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { rawHeaders } from './raw-request';

interface Entry {
  seq: number;
  kind: string;
  status: number;
  signed?: string;
  request: { method: string; url: string; headers: Record<string, string>; body: string };
  response: { status: number; headers: Record<string, string>; body: string };
}

describe('the journal: by handset, one entry in full, and the control plane index', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());

  it('keeps the entries about one handset when asked ?phone=', async () => {
    await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, { number: '12025550142' });
    await h.control('POST', '/_sim/handsets/15555550123/messages', {
      to: '12025550142',
      text: 'A',
    });
    await h.control('POST', '/_sim/handsets/15555550124/messages', {
      to: '12025550142',
      text: 'B',
    });
    const { body } = await h.control('GET', '/_sim/journal?phone=15555550124');
    const entries = body as Array<{ phone: string; detail: string }>;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.phone === '15555550124')).toBe(true);
    expect(entries.map((e) => e.detail).join('\n')).toContain('inbound SMS from 15555550124');
  });

  it('refuses a phone filter that is not digits, naming the field', async () => {
    const { status, body } = await h.control('GET', '/_sim/journal?phone=%2B1555');
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain('phone');
  });

  it("keeps a refused request in full: headers, form body, TeleSign's answer and the string that was signed", async () => {
    const body = 'phone_number=15555550100&message=Hi&message_type=BOGUS';
    const headers = rawHeaders({ customerId: h.customerId, apiKey: h.apiKey, body });
    const sent = await fetch(`${h.url}/v1/messaging`, { method: 'POST', headers, body });
    expect(sent.status).toBe(400);
    const [last] = (await h.control('GET', '/_sim/journal?kind=api&limit=1')).body as Entry[];
    const { body: entry } = (await h.control('GET', `/_sim/journal/${last?.seq}`)) as {
      body: Entry;
    };
    expect(entry.request).toMatchObject({ method: 'POST', body });
    expect(entry.request.headers['x-ts-nonce']).toBe(headers['x-ts-nonce']);
    expect(entry.response.status).toBe(400);
    expect(JSON.parse(entry.response.body).status.code).toBe(11017);
    expect(entry.signed).toBe(
      `POST\napplication/x-www-form-urlencoded\n${headers.Date}\nx-ts-auth-method:HMAC-SHA256\nx-ts-nonce:${headers['x-ts-nonce']}\n${body}\n/v1/messaging`,
    );
  });

  it('hides the API key of a Basic request in the journal', async () => {
    const basic = Buffer.from(`${h.customerId}:${h.apiKey}`).toString('base64');
    await fetch(`${h.url}/v1/messaging/${'A'.repeat(32)}`, {
      headers: { Authorization: `Basic ${basic}` },
    });
    const [entry] = (await h.control('GET', '/_sim/journal?kind=api&limit=1')).body as Entry[];
    expect(entry?.request.headers.authorization).toBe(`Basic (${h.customerId}:<API key hidden>)`);
    expect(JSON.stringify(entry)).not.toContain(h.apiKey);
  });

  it('answers 404 naming the field for a journal entry it does not hold', async () => {
    const { status, body } = await h.control('GET', '/_sim/journal/999999');
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { field: 'seq' } });
  });

  it('answers the printed /_sim/ URL with an index naming the OpenAPI document', async () => {
    const json = await fetch(`${h.url}/_sim/`);
    expect(json.status).toBe(200);
    expect(await json.json()).toMatchObject({ openapi: '/_sim/openapi.json' });
    const html = await fetch(`${h.url}/_sim/`, { headers: { accept: 'text/html' } });
    expect(await html.text()).toMatch(/^<!DOCTYPE html>[\s\S]*href="\/_sim\/openapi\.json"/);
  });
});
