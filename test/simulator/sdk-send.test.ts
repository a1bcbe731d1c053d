import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { call, sdkClient } from './telesign-sdk';

describe('the official SDK against the fake TeleSign', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());

  it('sends an SMS with sms.message and gets 290 with a 32-hex reference id', async () => {
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const body = await call((cb) => client.sms.message(cb, '15555550100', 'Hello', 'ARN'));
    expect(body).toMatchObject({
      external_id: null,
      status: { code: 290, description: 'Message in progress' },
    });
    expect(body.reference_id).toMatch(/^[0-9A-F]{32}$/);
  });

  it('reads the status of a sent SMS with sms.status', async () => {
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const sent = await call((cb) => client.sms.message(cb, '15555550100', 'Hello', 'ARN'));
    const status = await call((cb) => client.sms.status(cb, String(sent.reference_id)));
    expect(status).toMatchObject({ reference_id: sent.reference_id, status: { code: 290 } });
  });
});
