// R-MSG-8 over HTTP: a 510 delivery report shows in the conversation as the customer's opt-out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  activeConversation,
  createHarness,
  deliveryReportBody,
  type Harness,
  postCallback,
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

const sendAndReport = async (code: number, description: string) => {
  const id = await activeConversation(h, s);
  const sent = await h.api
    .post(`/api/conversations/${id}/messages`)
    .send({ agentId: s.agentId, text: 'Hello again' })
    .expect(201);
  const report = await postCallback(
    h,
    deliveryReportBody(sent.body.telesignReferenceId, sent.body.id, code, description),
  );
  expect(report.status).toBe(200);
  const conversation = await h.api.get(`/api/conversations/${id}`).expect(200);
  return conversation.body.messages.find((m: { id: string }) => m.id === sent.body.id);
};

describe('R-MSG-8: an opted-out customer, as the agent API shows it', () => {
  it('R-MSG-8: shows a 510 reply as the customer opting out, with TeleSign code and description', async () => {
    const message = await sendAndReport(510, 'Message blocked by subscriber action or request');
    expect(message.delivery).toEqual({
      code: 510,
      description: 'Message blocked by subscriber action or request',
      final: true,
      updatedAt: expect.any(Number),
      explanation: 'the customer opted out of messages from this number',
    });
  });

  it('R-MSG-8: gives a 211 failure no opt-out explanation', async () => {
    const message = await sendAndReport(211, 'Permanent phone error');
    expect(message.delivery).not.toHaveProperty('explanation');
  });
});
