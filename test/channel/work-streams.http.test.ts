import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  API_KEY,
  CUSTOMER_ID,
  createHarness,
  expectError,
  type Harness,
  SUPPORT_NUMBER,
} from './harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

const createWorkStream = async (mode: 'push' | 'pick' = 'push'): Promise<string> =>
  (await h.api.post('/api/work-streams').send({ name: 'Support', mode }).expect(201)).body.id;

describe('work streams', () => {
  it('creates an SMS work stream with the documented defaults (R-WS-1, R-WS-2)', async () => {
    const response = await h.api.post('/api/work-streams').send({ name: 'Support', mode: 'push' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: 'Support',
      channel: 'sms',
      mode: 'push',
      capacityUnits: 30,
      allowedPresences: ['available', 'busy'],
      autoCloseAfterInactivityMs: 48 * 3600_000,
    });
  });

  it('lists and reads work streams', async () => {
    const id = await createWorkStream();
    const list = await h.api.get('/api/work-streams').expect(200);
    expect(list.body.map((w: { id: string }) => w.id)).toEqual([id]);
    await h.api.get(`/api/work-streams/${id}`).expect(200);
  });

  it('answers 404 NOT_FOUND for an unknown work stream', async () => {
    expectError(await h.api.get('/api/work-streams/ws_nope'), 404, 'NOT_FOUND');
  });

  it('refuses a mode that is neither push nor pick, naming the field', async () => {
    const response = await h.api
      .post('/api/work-streams')
      .send({ name: 'Support', mode: 'round-robin' });
    expectError(response, 400, 'VALIDATION_FAILED', {
      field: 'mode',
      rule: 'INPUT',
      message: /mode: Invalid option/,
    });
  });

  it('refuses a missing name as a required field', async () => {
    const response = await h.api.post('/api/work-streams').send({ mode: 'push' });
    expectError(response, 400, 'VALIDATION_FAILED', {
      field: 'name',
      message: 'name: is required (string)',
    });
  });

  it('refuses a name over 100 characters (R-WS-1)', async () => {
    const response = await h.api
      .post('/api/work-streams')
      .send({ name: 'x'.repeat(101), mode: 'push' });
    expectError(response, 400, 'WORK_STREAM_NAME_INVALID', { rule: 'R-WS-1' });
  });

  it('refuses auto-close under 8 hours, naming the minimum (R-WS-2)', async () => {
    const response = await h.api
      .post('/api/work-streams')
      .send({ name: 'Support', mode: 'push', autoCloseAfterInactivityMs: 3600_000 });
    expectError(response, 400, 'AUTO_CLOSE_TOO_SHORT', { rule: 'R-WS-2', message: /8 hours/ });
  });

  it('refuses a negative capacity as a positive-number field', async () => {
    const response = await h.api
      .post('/api/work-streams')
      .send({ name: 'S', mode: 'push', capacityUnits: -1 });
    expectError(response, 400, 'VALIDATION_FAILED', { field: 'capacityUnits' });
  });

  it('refuses capacity units over 1000, saying why', async () => {
    const response = await h.api
      .post('/api/work-streams')
      .send({ name: 'S', mode: 'push', capacityUnits: 1e9 });
    expectError(response, 400, 'VALIDATION_FAILED', {
      field: 'capacityUnits',
      message:
        /from 1 to 1000: a conversation needing more capacity than an agent has could never be assigned/,
    });
  });

  it('changes the name but refuses to change the mode (R-WS-1)', async () => {
    const id = await createWorkStream();
    const renamed = await h.api
      .patch(`/api/work-streams/${id}`)
      .send({ name: 'Billing' })
      .expect(200);
    expect(renamed.body.name).toBe('Billing');
    const response = await h.api.patch(`/api/work-streams/${id}`).send({ mode: 'pick' });
    expectError(response, 409, 'WORK_STREAM_MODE_FIXED', { rule: 'R-WS-1' });
  });

  it('deletes a work stream', async () => {
    const id = await createWorkStream();
    await h.api.delete(`/api/work-streams/${id}`).expect(204);
    expectError(await h.api.get(`/api/work-streams/${id}`), 404, 'NOT_FOUND');
  });
});

describe('SMS settings', () => {
  it('shows the organisation inbound URL, unguessable and on the channel (R-WS-4)', async () => {
    const org = await h.api.get('/api/organisation').expect(200);
    expect(org.body.inboundUrl).toMatch(
      /^http:\/\/channel\.test\/telesign\/inbound\/[^/]+\/[A-Za-z0-9_-]{16,}$/,
    );
  });

  it('saves the credentials and never returns the API key in full (R-WS-3)', async () => {
    const id = await createWorkStream();
    const response = await h.api
      .put(`/api/work-streams/${id}/sms-settings`)
      .send({ customerId: CUSTOMER_ID, apiKey: API_KEY })
      .expect(200);
    expect(response.body.sms.customerId).toBe(CUSTOMER_ID);
    expect(JSON.stringify(response.body)).not.toContain(API_KEY);
    expect(response.body.sms.apiKeyMasked).toMatch(/Xk=|KZXk=|Xk=$/);
    const listed = await h.api.get('/api/work-streams').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(API_KEY);
  });

  it('says what is still missing before the work stream can route (R-WS-6)', async () => {
    const id = await createWorkStream();
    const view = await h.api.get(`/api/work-streams/${id}`).expect(200);
    expect(view.body.sms.missing).toEqual(['customerId', 'apiKey', 'number']);
  });

  it('refuses an empty customer ID, naming the field', async () => {
    const id = await createWorkStream();
    const response = await h.api
      .put(`/api/work-streams/${id}/sms-settings`)
      .send({ customerId: ' ' });
    expectError(response, 400, 'VALIDATION_FAILED', {
      field: 'customerId',
      message: /cannot be empty/,
    });
  });

  it('records the validation outcome with its time (R-WS-5)', async () => {
    const id = await createWorkStream();
    await h.api
      .put(`/api/work-streams/${id}/sms-settings`)
      .send({ customerId: CUSTOMER_ID, apiKey: API_KEY });
    h.gateway.probe = 'api-key-invalid';
    const response = await h.api.post(`/api/work-streams/${id}/validate-api-key`).expect(200);
    expect(response.body).toMatchObject({ outcome: 'api-key-invalid', checkedAt: h.clock.now() });
    const view = await h.api.get(`/api/work-streams/${id}`).expect(200);
    expect(view.body.sms.validation.outcome).toBe('api-key-invalid');
  });
});

describe('numbers', () => {
  it('adds a long code number to the work stream (R-NUM-1)', async () => {
    const id = await createWorkStream();
    const response = await h.api
      .post(`/api/work-streams/${id}/numbers`)
      .send({ number: SUPPORT_NUMBER })
      .expect(201);
    expect(response.body.number).toMatchObject({ number: SUPPORT_NUMBER, type: 'long-code' });
  });

  it('refuses a leading + with its own message (R-NUM-1)', async () => {
    const id = await createWorkStream();
    const response = await h.api
      .post(`/api/work-streams/${id}/numbers`)
      .send({ number: `+${SUPPORT_NUMBER}` });
    expectError(response, 400, 'NUMBER_FORMAT_INVALID', {
      rule: 'R-NUM-1',
      field: 'number',
      message: /\+/,
    });
  });

  it('refuses a short code as not supported in this release (R-NUM-2)', async () => {
    const id = await createWorkStream();
    const response = await h.api
      .post(`/api/work-streams/${id}/numbers`)
      .send({ number: SUPPORT_NUMBER, type: 'short-code' });
    expectError(response, 400, 'NUMBER_TYPE_NOT_SUPPORTED', { rule: 'R-NUM-2' });
  });

  it('refuses an unknown number type as a validation error naming the field', async () => {
    const id = await createWorkStream();
    const response = await h.api
      .post(`/api/work-streams/${id}/numbers`)
      .send({ number: SUPPORT_NUMBER, type: 'pager' });
    expectError(response, 400, 'VALIDATION_FAILED', { field: 'type' });
  });

  it('refuses a second number on a work stream (R-NUM-3)', async () => {
    const id = await createWorkStream();
    await h.api
      .post(`/api/work-streams/${id}/numbers`)
      .send({ number: SUPPORT_NUMBER })
      .expect(201);
    const response = await h.api
      .post(`/api/work-streams/${id}/numbers`)
      .send({ number: '14155550111' });
    expectError(response, 409, 'WORK_STREAM_HAS_NUMBER', { rule: 'R-NUM-3' });
  });

  it('refuses a number that another work stream owns (R-NUM-4)', async () => {
    const first = await createWorkStream();
    const second = await createWorkStream();
    await h.api
      .post(`/api/work-streams/${first}/numbers`)
      .send({ number: SUPPORT_NUMBER })
      .expect(201);
    const response = await h.api
      .post(`/api/work-streams/${second}/numbers`)
      .send({ number: SUPPORT_NUMBER });
    expectError(response, 409, 'NUMBER_IN_USE', { rule: 'R-NUM-4' });
  });

  it('refuses a description over 200 characters (R-NUM-6)', async () => {
    const id = await createWorkStream();
    const response = await h.api
      .post(`/api/work-streams/${id}/numbers`)
      .send({ number: SUPPORT_NUMBER, description: 'd'.repeat(201) });
    expectError(response, 400, 'NUMBER_DESCRIPTION_TOO_LONG', { rule: 'R-NUM-6' });
  });

  it('removes the number, so another can be added', async () => {
    const id = await createWorkStream();
    await h.api
      .post(`/api/work-streams/${id}/numbers`)
      .send({ number: SUPPORT_NUMBER })
      .expect(201);
    const response = await h.api
      .delete(`/api/work-streams/${id}/numbers/${SUPPORT_NUMBER}`)
      .expect(200);
    expect(response.body.number).toBeUndefined();
    await h.api.post(`/api/work-streams/${id}/numbers`).send({ number: '14155550111' }).expect(201);
  });

  it('checks a format without saving: spaces get their own message (R-NUM-1)', async () => {
    const ok = await h.api.post('/api/numbers/check').send({ number: SUPPORT_NUMBER }).expect(200);
    expect(ok.body).toMatchObject({ ok: true, e164: `+${SUPPORT_NUMBER}` });
    const spaced = await h.api
      .post('/api/numbers/check')
      .send({ number: '1 415 555 0100' })
      .expect(200);
    expect(spaced.body.ok).toBe(false);
    expect(spaced.body.message).toMatch(/space/i);
  });

  it('refuses a check without a number string', async () => {
    expectError(
      await h.api.post('/api/numbers/check').send({ number: 14155550100 }),
      400,
      'VALIDATION_FAILED',
      {
        field: 'number',
      },
    );
  });
});
