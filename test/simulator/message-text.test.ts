import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { call, sdkClient, type TeleSignClient } from './telesign-sdk';

describe('message text survives the wire exactly', () => {
  let h: Harness;
  let client: TeleSignClient;
  beforeAll(async () => {
    h = await startHarness();
    client = sdkClient(h.customerId, h.apiKey, h.url);
  });
  afterAll(() => h.sim.close());

  const sendAndRead = async (text: string) => {
    const sent = await call((cb) => client.sms.message(cb, '15555550100', text, 'ARN'));
    expect(sent.status).toMatchObject({ code: 290 });
    const record = await h.control('GET', `/_sim/messages/${String(sent.reference_id)}`);
    return record.body as { message: string; encoding: string; segments: number; chars: number };
  };

  it('keeps "& = + %" as sent (signature over the form-encoded bytes)', async () => {
    const record = await sendAndRead('a & b = c + d % e 100%');
    expect(record.message).toBe('a & b = c + d % e 100%');
    expect(record.encoding).toBe('GSM-7');
  });

  it('keeps non-ASCII text and records it as UCS-2', async () => {
    const record = await sendAndRead('Grüße aus Köln — 你好');
    expect(record.message).toBe('Grüße aus Köln — 你好');
    expect(record.encoding).toBe('UCS-2');
  });

  it('keeps emoji and counts them as one character each', async () => {
    const record = await sendAndRead('Thanks 👍🏽🎉');
    expect(record.message).toBe('Thanks 👍🏽🎉');
    expect(record.chars).toBe(10);
  });

  it('records the segment count of a long GSM-7 message', async () => {
    const record = await sendAndRead('x'.repeat(161));
    expect(record.segments).toBe(2);
  });
});
