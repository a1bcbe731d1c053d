import { describe, expect, it } from 'vitest';
import {
  API_KEY,
  CUSTOMER_ID,
  createHarness,
  SUPPORT_NUMBER,
} from '../../test/channel/service-harness';

describe('validation by test SMS (R-WS-5, R-NUM-5)', () => {
  it("asks TeleSign to send the test SMS to the work stream's number", async () => {
    const h = await createHarness();
    const ws = await h.workStream({ name: 'Billing' });
    await h.service.validateApiKey(ws);
    expect(h.gateway.probes).toEqual([{ number: SUPPORT_NUMBER, workStreamName: 'Billing' }]);
  });

  it('checks the credentials only while the work stream has no number', async () => {
    const h = await createHarness();
    const ws = await h.service.createWorkStream({ name: 'S', mode: 'push' });
    await h.service.saveSmsSettings(ws.id, { customerId: CUSTOMER_ID, apiKey: API_KEY });
    await h.service.validateApiKey(ws.id);
    expect(h.gateway.probes).toEqual([undefined]);
  });

  it('records number-not-owned with its detail and time', async () => {
    const h = await createHarness();
    const ws = await h.workStream();
    const detail = `TeleSign refused ${SUPPORT_NUMBER} as sender: the account does not own this number.`;
    h.gateway.probe = { outcome: 'number-not-owned', detail };
    await h.clock.advance(500);
    expect(await h.service.validateApiKey(ws)).toEqual({
      outcome: 'number-not-owned',
      detail,
      checkedAt: h.clock.now(),
    });
    expect(h.service.getWorkStream(ws).sms.validation?.outcome).toBe('number-not-owned');
  });

  it('acknowledges the looped-back test SMS without opening a conversation', async () => {
    const h = await createHarness();
    await h.workStream({ name: 'Billing' });
    const result = await h.text('Validation test from Billing', {
      from: SUPPORT_NUMBER,
      referenceId: 'VALIDATION00000000000000000000001',
    });
    expect(result).toEqual({ kind: 'validation-probe' });
    expect(h.service.listConversations()).toEqual([]);
    expect(h.events.map((e) => e.type)).not.toContain('conversation.opened');
  });

  it('records the looped-back test SMS as a validation-probe inbound event', async () => {
    const h = await createHarness();
    await h.workStream();
    await h.text('Validation test from Support SMS', {
      from: SUPPORT_NUMBER,
      referenceId: 'VALIDATION00000000000000000000001',
    });
    expect(h.service.listInboundEvents()).toMatchObject([
      { referenceId: 'VALIDATION00000000000000000000001', outcome: 'validation-probe' },
    ]);
    expect(h.service.listInboundEvents()[0]?.conversationId).toBeUndefined();
  });
});
