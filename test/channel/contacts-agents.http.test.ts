import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectError, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

const contact = { firstName: 'Grace', lastName: 'Hopper', mobilePhone: '+14155550123' };

describe('contacts', () => {
  it('creates, reads, changes, lists and deletes a contact', async () => {
    const created = await h.api.post('/api/contacts').send(contact).expect(201);
    expect(created.body).toMatchObject({ ...contact, status: 'active' });
    const id = created.body.id;
    await h.api.get(`/api/contacts/${id}`).expect(200);
    const changed = await h.api
      .patch(`/api/contacts/${id}`)
      .send({ lastName: 'Murray' })
      .expect(200);
    expect(changed.body.lastName).toBe('Murray');
    expect((await h.api.get('/api/contacts').expect(200)).body).toHaveLength(1);
    await h.api.delete(`/api/contacts/${id}`).expect(204);
    expectError(await h.api.get(`/api/contacts/${id}`), 404, 'NOT_FOUND');
  });

  it('refuses a contact without a first name', async () => {
    const response = await h.api.post('/api/contacts').send({ lastName: 'Hopper' });
    expectError(response, 400, 'VALIDATION_FAILED', {
      field: 'firstName',
      message: 'firstName: is required (string)',
    });
  });

  it('refuses an e-mail that is not one', async () => {
    const response = await h.api.post('/api/contacts').send({ ...contact, email: 'grace' });
    expectError(response, 400, 'VALIDATION_FAILED', {
      field: 'email',
      message: /not an e-mail address/,
    });
  });

  it('refuses a mobile phone with letters', async () => {
    const response = await h.api.post('/api/contacts').send({ ...contact, mobilePhone: 'call me' });
    expectError(response, 400, 'VALIDATION_FAILED', { field: 'mobilePhone' });
  });

  it('refuses an unknown field rather than ignoring it', async () => {
    const response = await h.api.post('/api/contacts').send({ ...contact, phone: '+1' });
    expectError(response, 400, 'VALIDATION_FAILED', {
      field: 'phone',
      message: /not a known field/,
    });
  });
});

describe('agents', () => {
  it('creates an agent who is available with nothing used (R-AG-1, R-AG-2)', async () => {
    const created = await h.api.post('/api/agents').send({ name: 'Ada' }).expect(201);
    expect(created.body).toMatchObject({
      name: 'Ada',
      presence: 'available',
      usedCapacity: 0,
      activeConversations: 0,
    });
    await h.api.get(`/api/agents/${created.body.id}`).expect(200);
    expect((await h.api.get('/api/agents').expect(200)).body).toHaveLength(1);
  });

  it('changes an agent', async () => {
    const created = await h.api.post('/api/agents').send({ name: 'Ada' }).expect(201);
    const changed = await h.api
      .patch(`/api/agents/${created.body.id}`)
      .send({ capacity: 60 })
      .expect(200);
    expect(changed.body.capacity).toBe(60);
  });

  it('refuses a zero capacity, naming the field', async () => {
    const response = await h.api.post('/api/agents').send({ name: 'Ada', capacity: 0 });
    expectError(response, 400, 'VALIDATION_FAILED', { field: 'capacity' });
  });

  it('sets Away, which sticks (R-AG-2)', async () => {
    const created = await h.api.post('/api/agents').send({ name: 'Ada' }).expect(201);
    const response = await h.api
      .put(`/api/agents/${created.body.id}/presence`)
      .send({ presence: 'away' })
      .expect(200);
    expect(response.body.presence).toBe('away');
  });

  it('refuses a presence that does not exist', async () => {
    const created = await h.api.post('/api/agents').send({ name: 'Ada' }).expect(201);
    const response = await h.api
      .put(`/api/agents/${created.body.id}/presence`)
      .send({ presence: 'lunch' });
    expectError(response, 400, 'VALIDATION_FAILED', {
      field: 'presence',
      message: /Invalid option/,
    });
  });

  it('lists no offers and no work items for a new agent', async () => {
    const created = await h.api.post('/api/agents').send({ name: 'Ada' }).expect(201);
    expect((await h.api.get(`/api/agents/${created.body.id}/offers`).expect(200)).body).toEqual([]);
    expect((await h.api.get(`/api/agents/${created.body.id}/work-items`).expect(200)).body).toEqual(
      [],
    );
  });

  it('answers 404 for the offers of an unknown agent', async () => {
    expectError(await h.api.get('/api/agents/ag_nope/offers'), 404, 'NOT_FOUND');
  });
});
