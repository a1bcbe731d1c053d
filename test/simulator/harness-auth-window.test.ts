// The scenario harness's fake TeleSign keeps TeleSign's real date and nonce windows (it once set a
// 100-year tolerance so the SDK's wall-clock dates passed, which also stretched the nonce window).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../scenarios/engine/harness';
import { rawHeaders } from './raw-request';

let harness: Harness;
let account: { customer_id: string; api_key: string };
const body = 'phone_number=15555550100&message=hi&message_type=ARN';

const send = async (headers: Record<string, string>) => {
  const response = await harness.telesignFetch('http://telesign.local/v1/messaging', {
    method: 'POST',
    headers,
    body,
  });
  return {
    status: response.status,
    json: (await response.json()) as { status: { code: number } },
  };
};

beforeAll(async () => {
  harness = await startHarness({ seed: 'auth-window' });
  account = (await harness.telesign.must('POST', '/_sim/accounts', {})) as typeof account;
});
afterAll(() => harness.close());

describe('the scenario harness’s fake TeleSign', () => {
  const headers = (extra: { date?: string; nonce?: string } = {}) =>
    rawHeaders({ customerId: account.customer_id, apiKey: account.api_key, body, ...extra });

  it('accepts a request signed with the wall-clock date, as the SDK signs', async () => {
    expect((await send(headers())).status).toBe(200);
  });

  it('refuses a nonce used again within the window (10002)', async () => {
    const nonce = crypto.randomUUID();
    expect((await send(headers({ nonce }))).status).toBe(200);
    const again = await send(headers({ nonce }));
    expect(again.status).toBe(401);
    expect(again.json.status.code).toBe(10002);
  });

  it('forgets a nonce once the window has passed on the shared clock, as TeleSign does', async () => {
    const nonce = crypto.randomUUID();
    expect((await send(headers({ nonce }))).status).toBe(200);
    await harness.clock.advance(31 * 60_000);
    expect((await send(headers({ nonce }))).status).toBe(200);
  });

  it('refuses a date 20 minutes off both the virtual and the wall clock (10004)', async () => {
    const date = new Date(Date.now() - 20 * 60_000).toUTCString();
    const late = await send(headers({ date }));
    expect(late.status).toBe(401);
    expect(late.json.status.code).toBe(10004);
  });
});
