import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';

describe('the journal by handset, and the control plane index', () => {
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

  it('answers the printed /_sim/ URL with an index naming the OpenAPI document', async () => {
    const json = await fetch(`${h.url}/_sim/`);
    expect(json.status).toBe(200);
    expect(await json.json()).toMatchObject({ openapi: '/_sim/openapi.json' });
    const html = await fetch(`${h.url}/_sim/`, { headers: { accept: 'text/html' } });
    expect(await html.text()).toMatch(/^<!DOCTYPE html>[\s\S]*href="\/_sim\/openapi\.json"/);
  });
});
