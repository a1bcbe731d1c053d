import { describe, expect, it } from 'vitest';
import {
  API_KEY,
  CUSTOMER_ID,
  createHarness,
  probeOutcome,
} from '../../test/channel/service-harness';
import { HOUR_MS } from '../domain/model';

const refusal = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe('work streams (R-WS-1, R-WS-2)', () => {
  it('creates a work stream with the documented defaults', async () => {
    const h = await createHarness();
    const ws = await h.service.createWorkStream({ name: 'Support', mode: 'push' });
    expect(ws).toMatchObject({
      channel: 'sms',
      capacityUnits: 30,
      allowedPresences: ['available', 'busy'],
      autoCloseAfterInactivityMs: 48 * HOUR_MS,
      offerTimeoutMs: 120_000,
    });
  });

  it('refuses auto-close under 8 hours naming the minimum', async () => {
    const h = await createHarness();
    expect(
      await refusal(
        h.service.createWorkStream({
          name: 'S',
          mode: 'push',
          autoCloseAfterInactivityMs: 7 * HOUR_MS,
        }),
      ),
    ).toMatchObject({
      code: 'AUTO_CLOSE_TOO_SHORT',
      field: 'autoCloseAfterInactivityMs',
      message: expect.stringMatching(/at least 8 hours/),
    });
  });

  it('refuses to change the distribution mode once created', async () => {
    const h = await createHarness();
    const ws = await h.service.createWorkStream({ name: 'S', mode: 'push' });
    expect(await refusal(h.service.updateWorkStream(ws.id, { mode: 'pick' }))).toMatchObject({
      code: 'WORK_STREAM_MODE_FIXED',
      message:
        'The work distribution mode cannot change once the work stream exists; it stays push.',
    });
  });

  it('refuses a name over 100 characters', async () => {
    const h = await createHarness();
    expect(
      await refusal(h.service.createWorkStream({ name: 'x'.repeat(101), mode: 'push' })),
    ).toMatchObject({ code: 'WORK_STREAM_NAME_INVALID', field: 'name' });
  });
});

describe('SMS settings (R-WS-3, R-WS-4, R-WS-6)', () => {
  it('never returns the API key in full, only its last 4 characters', async () => {
    const h = await createHarness();
    const ws = await h.service.createWorkStream({ name: 'S', mode: 'push' });
    const view = await h.service.saveSmsSettings(ws.id, {
      customerId: CUSTOMER_ID,
      apiKey: API_KEY,
    });
    expect(view.sms.apiKeyMasked).toBe(`••••••••${API_KEY.slice(-4)}`);
    expect(JSON.stringify(h.service.listWorkStreams())).not.toContain(API_KEY);
  });

  it('keeps the saved key when settings are saved without one', async () => {
    const h = await createHarness();
    const ws = await h.service.createWorkStream({ name: 'S', mode: 'push' });
    await h.service.saveSmsSettings(ws.id, { customerId: CUSTOMER_ID, apiKey: API_KEY });
    expect(
      (await h.service.saveSmsSettings(ws.id, { customerId: CUSTOMER_ID })).sms.apiKeyMasked,
    ).toBe(`••••••••${API_KEY.slice(-4)}`);
  });

  it('shows an unguessable organisation inbound URL carrying the organisation id and a random token', async () => {
    const h = await createHarness();
    const { id, inboundUrl } = h.service.organisation();
    expect(inboundUrl).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:4020/telesign/inbound/${id}/[A-Za-z0-9_-]{24}$`),
    );
    const ws = await h.service.createWorkStream({ name: 'S', mode: 'push' });
    expect(ws.sms.inboundUrl).toBe(inboundUrl);
  });

  it('says what is missing before the work stream can route SMS', async () => {
    const h = await createHarness();
    const ws = await h.service.createWorkStream({ name: 'S', mode: 'push' });
    expect(ws.sms.missing).toEqual(['customerId', 'apiKey', 'number']);
    const saved = await h.service.saveSmsSettings(ws.id, {
      customerId: CUSTOMER_ID,
      apiKey: API_KEY,
    });
    expect(saved.sms.missing).toEqual(['number']);
  });

  it('records an SMS for a work stream that cannot route yet as unroutable', async () => {
    const h = await createHarness();
    const ws = await h.service.createWorkStream({ name: 'S', mode: 'push' });
    await h.service.saveSmsSettings(ws.id, { customerId: CUSTOMER_ID, apiKey: API_KEY });
    expect(await h.text('hi')).toMatchObject({ kind: 'unroutable' });
  });
});

describe('validate API key (R-WS-5)', () => {
  it.each([
    ['valid', probeOutcome('valid')],
    ['customer-id-invalid', probeOutcome('customer-id-invalid')],
    ['api-key-invalid', probeOutcome('api-key-invalid')],
    ['telesign-unreachable', probeOutcome('telesign-unreachable')],
  ] as const)('records the outcome %s with its time', async (outcome, probe) => {
    const h = await createHarness();
    const ws = await h.workStream();
    h.gateway.probe = probe;
    await h.clock.advance(1234);
    expect(await h.service.validateApiKey(ws)).toEqual({
      outcome,
      detail: outcome,
      checkedAt: h.clock.now(),
    });
    expect(h.service.getWorkStream(ws).sms.validation).toEqual({
      outcome,
      detail: outcome,
      checkedAt: h.clock.now(),
    });
  });

  it('records TeleSign unreachable when the probe throws', async () => {
    const h = await createHarness();
    const ws = await h.workStream();
    h.gateway.probe = new Error('connect ECONNREFUSED');
    expect(await h.service.validateApiKey(ws)).toMatchObject({
      outcome: 'telesign-unreachable',
      detail: 'TeleSign could not be reached: connect ECONNREFUSED',
    });
  });

  it('refuses to validate without saved credentials', async () => {
    const h = await createHarness();
    const ws = await h.service.createWorkStream({ name: 'S', mode: 'push' });
    expect(await refusal(h.service.validateApiKey(ws.id))).toMatchObject({
      code: 'SMS_SETTINGS_INCOMPLETE',
      message: 'Save the TeleSign customerId and apiKey before validating the API key.',
    });
  });

  it('forgets an outcome when the credentials change', async () => {
    const h = await createHarness();
    const ws = await h.workStream();
    await h.service.validateApiKey(ws);
    expect(
      (await h.service.saveSmsSettings(ws, { customerId: 'OTHER' })).sms.validation,
    ).toBeNull();
  });
});

describe('numbers (R-NUM-1..6)', () => {
  it('refuses a badly formatted number with the specific message (R-NUM-1)', async () => {
    const h = await createHarness();
    const ws = await h.service.createWorkStream({ name: 'S', mode: 'push' });
    expect(await refusal(h.service.addNumber(ws.id, { number: '+14255550100' }))).toMatchObject({
      code: 'NUMBER_FORMAT_INVALID',
      field: 'number',
      message: 'Remove the leading +: enter <country code><number>, digits only.',
    });
  });

  it('refuses short codes as not supported in this release (R-NUM-2)', async () => {
    const h = await createHarness();
    const ws = await h.service.createWorkStream({ name: 'S', mode: 'push' });
    expect(
      await refusal(h.service.addNumber(ws.id, { number: '14255550100', type: 'short-code' })),
    ).toMatchObject({
      code: 'NUMBER_TYPE_NOT_SUPPORTED',
      message: 'Short codes are not supported in this release; use a long code.',
    });
  });

  it('refuses a second number on a work stream (R-NUM-3)', async () => {
    const h = await createHarness();
    const ws = await h.workStream();
    expect(await refusal(h.service.addNumber(ws, { number: '14255550101' }))).toMatchObject({
      code: 'WORK_STREAM_HAS_NUMBER',
    });
  });

  it('refuses a number that belongs to another work stream (R-NUM-4)', async () => {
    const h = await createHarness();
    await h.workStream();
    const other = await h.service.createWorkStream({ name: 'Other', mode: 'pick' });
    expect(await refusal(h.service.addNumber(other.id, { number: '14255550100' }))).toMatchObject({
      code: 'NUMBER_IN_USE',
      message: 'Number 14255550100 already belongs to work stream Support SMS.',
    });
  });

  it('accepts a description of 200 characters and refuses 201 (R-NUM-6)', async () => {
    const h = await createHarness();
    const ws = await h.service.createWorkStream({ name: 'S', mode: 'push' });
    expect(
      await refusal(
        h.service.addNumber(ws.id, { number: '14255550100', description: 'd'.repeat(201) }),
      ),
    ).toMatchObject({ code: 'NUMBER_DESCRIPTION_TOO_LONG' });
    expect(
      (await h.service.addNumber(ws.id, { number: '14255550100', description: 'd'.repeat(200) }))
        .number?.description,
    ).toHaveLength(200);
  });

  it('checks a number format for forms', async () => {
    const h = await createHarness();
    expect(h.service.checkNumberFormat('14255550100')).toEqual({
      ok: true,
      e164: '+14255550100',
      country: 'US',
    });
    expect(h.service.checkNumberFormat('1 425')).toEqual({
      ok: false,
      message: 'Remove the spaces: enter the number as digits only.',
    });
  });
});
