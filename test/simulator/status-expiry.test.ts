// TeleSign keeps a message's status for 12 hours (reference/telesign.md §11.6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { rawRequest } from './raw-request';
import { call, sdkClient } from './telesign-sdk';

describe('status retention', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());

  const sendOne = async (): Promise<string> => {
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const sent = await call((cb) => client.sms.message(cb, '15555550100', 'Hi', 'ARN'));
    return String(sent.reference_id);
  };
  const status = (referenceId: string) =>
    rawRequest(h.url, {
      customerId: h.customerId,
      apiKey: h.apiKey,
      method: 'GET',
      resource: `/v1/messaging/${referenceId}`,
    });

  it('answers the status 12 hours after the send', async () => {
    const ref = await sendOne();
    await h.clock.advance(12 * 3_600_000);
    const { status: http, body } = await status(ref);
    expect(http).toBe(200);
    expect(body.status).toMatchObject({ code: 200, description: 'Delivered to handset' });
  });

  it('answers 404/10036 "Reference ID expired" a moment later', async () => {
    const ref = await sendOne();
    await h.clock.advance(12 * 3_600_000 + 1);
    const { status: http, body, hint } = await status(ref);
    expect(http).toBe(404);
    expect(body.status).toMatchObject({ code: 10036, description: 'Reference ID expired' });
    expect(hint).toMatch(/TeleSign keeps status for 12 hours/);
  });

  it('shows the SDK the same expiry', async () => {
    const ref = await sendOne();
    await h.clock.advance(13 * 3_600_000);
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const body = await call((cb) => client.sms.status(cb, ref));
    expect(body.status).toMatchObject({ code: 10036, description: 'Reference ID expired' });
  });
});
