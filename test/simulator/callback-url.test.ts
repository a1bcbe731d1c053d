// callback_url must be HTTPS on port 443; loopback receivers are let in with a journal note (§11.5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { rawRequest } from './raw-request';

const BASE = { phone_number: '15555550100', message: 'Hi', message_type: 'ARN' };

describe('callback_url on POST /v1/messaging', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());
  const send = (callbackUrl: string) =>
    rawRequest(h.url, {
      customerId: h.customerId,
      apiKey: h.apiKey,
      body: new URLSearchParams({ ...BASE, callback_url: callbackUrl }).toString(),
    });

  it('refuses an http:// URL on a public host with 400/11004', async () => {
    const { status, body, hint } = await send('http://example.com/telesign');
    expect(status).toBe(400);
    expect(body.status).toMatchObject({
      code: 11004,
      description: 'Invalid value for parameter callback_url',
    });
    expect(hint).toMatch(/must be https:\/\//);
  });

  it('refuses an https URL on another port with 400/11004', async () => {
    const { status, body, hint } = await send('https://example.com:8443/telesign');
    expect(status).toBe(400);
    expect(body.status.code).toBe(11004);
    expect(hint).toBe('callback_url must use port 443, not 8443');
  });

  it('accepts https on 443', async () => {
    const { status, body } = await send('https://example.com:443/telesign');
    expect(status).toBe(200);
    expect(body.status.code).toBe(290);
  });

  it('accepts a loopback http URL and notes in the journal that TeleSign would refuse it', async () => {
    const { status, body } = await send('http://127.0.0.1:9/telesign');
    expect(status).toBe(200);
    const journal = await h.control(
      'GET',
      `/_sim/journal?kind=api&reference_id=${body.reference_id}`,
    );
    const entries = journal.body as { detail: string }[];
    expect(entries[0]?.detail).toMatch(/loopback host; TeleSign would refuse it/);
  });
});
