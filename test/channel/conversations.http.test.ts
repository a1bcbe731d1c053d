import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  activeConversation,
  createHarness,
  customerTexts,
  expectError,
  type Harness,
  type Setup,
  setUpWorkStream,
} from './harness';

let h: Harness;
let s: Setup;
beforeEach(async () => {
  h = await createHarness();
  s = await setUpWorkStream(h);
});
afterEach(async () => {
  await h.close();
});

describe('conversations', () => {
  it('filters by state and rejects an unknown state, naming the query field', async () => {
    await customerTexts(h);
    const open = await h.api.get('/api/conversations?state=open').expect(200);
    expect(open.body.items).toHaveLength(1);
    const active = await h.api.get('/api/conversations?state=active').expect(200);
    expect(active.body.items).toHaveLength(0);
    expectError(await h.api.get('/api/conversations?state=pending'), 400, 'VALIDATION_FAILED', {
      field: 'state',
      message: /in the query/,
    });
  });

  it('returns the transcript and the transition history (R-CV-4)', async () => {
    const id = await activeConversation(h, s);
    const conversation = await h.api.get(`/api/conversations/${id}`).expect(200);
    expect(conversation.body.messages.map((m: { text: string }) => m.text)).toEqual([
      'Hello, I need help',
    ]);
    expect(conversation.body.transitions.map((t: { to: string }) => t.to)).toEqual([
      'open',
      'active',
    ]);
  });

  it('answers 404 for an unknown conversation', async () => {
    expectError(await h.api.get('/api/conversations/cv_nope'), 404, 'NOT_FOUND');
  });

  it('sweeps: a Waiting conversation closes after the work stream inactivity (R-CV-3)', async () => {
    const id = await activeConversation(h, s);
    await h.api
      .post(`/api/conversations/${id}/close-session`)
      .send({ agentId: s.agentId })
      .expect(200);
    await h.clock.advance(48 * 3600_000 + 1);
    const swept = await h.api.post('/api/auto-close/sweep').expect(200);
    expect(swept.body).toEqual({ closed: [id] });
  });
});
