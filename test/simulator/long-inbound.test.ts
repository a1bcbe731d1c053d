// Handsets text long messages (up to 255 segments); TeleSign posts one mo_sms with the whole text (§11.10).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buyNumber, type Harness, startHarness } from './harness';
import { type Receiver, startReceiver } from './receiver';

describe('long inbound texts', () => {
  let h: Harness;
  let rx: Receiver;
  let number: string;
  beforeEach(async () => {
    h = await startHarness();
    rx = await startReceiver();
    await h.control('PUT', `/_sim/accounts/${h.customerId}/callback-url`, { url: rx.url });
    number = await buyNumber(h);
  });
  afterEach(async () => {
    await h.sim.close();
    await rx.stop();
  });
  const text = (body: string) =>
    h.control('POST', '/_sim/handsets/12025550101/messages', { to: number, text: body });

  it('posts one mo_sms with the whole text of a 2000-character message', async () => {
    const long = 'x'.repeat(2000);
    expect((await text(long)).status).toBe(201);
    const posted = rx.received.filter((r) => r.json.sub_resource === 'mo_sms');
    expect(posted).toHaveLength(1);
    const response = posted[0]?.json.user_response as { mo_message: string } | undefined;
    expect(response?.mo_message).toBe(long);
  });

  it('accepts exactly 255 GSM-7 segments and refuses one character more, naming the field', async () => {
    expect((await text('y'.repeat(255 * 153))).status).toBe(201);
    expect(await text('y'.repeat(255 * 153 + 1))).toEqual({
      status: 400,
      body: {
        error: {
          code: 'invalid_field',
          message: 'text: must fit in 255 SMS segments',
          field: 'text',
        },
      },
    });
  });

  it('counts UCS-2 segments (67 characters each) for non-GSM text', async () => {
    expect((await text('я'.repeat(255 * 67))).status).toBe(201);
    expect((await text('я'.repeat(255 * 67 + 1))).status).toBe(400);
  });
});
