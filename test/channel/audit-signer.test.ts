// Audit (R-SEC-1): a callback is accepted only when signed with the key of the work stream it concerns.
import { describe, expect, it } from 'vitest';
import { ChannelError } from '../../channel/domain/errors';
import { callbackAuthHeaders } from '../../lib/telesign-signing';
import { conversationOf, createHarness } from './service-harness';

const OTHER_ID = 'CID-OTHER';
const OTHER_KEY = Buffer.from('the other account key').toString('base64');

async function twoAccounts() {
  const h = await createHarness();
  const support = await h.workStream();
  const other = await h.service.createWorkStream({ name: 'Other line', mode: 'pick' });
  await h.service.saveSmsSettings(other.id, { customerId: OTHER_ID, apiKey: OTHER_KEY });
  await h.service.addNumber(other.id, { number: '14255550199' });
  const agent = await h.agent('ann');
  const conversationId = conversationOf(await h.text('hello'));
  await h.service.accept(agent, conversationId);
  const sent = await h.service.send(agent, conversationId, 'hi there');
  return { h, support, sent };
}

describe('signer of a callback (R-SEC-1)', () => {
  it('refuses a delivery report signed with another work stream key and leaves the status alone', async () => {
    const { h, sent } = await twoAccounts();
    const body = JSON.stringify({
      reference_id: sent.telesignReferenceId,
      external_id: sent.id,
      status: { code: 210, description: 'forged failure', updated_on: '2026-01-01T00:00:00Z' },
      errors: [],
    });
    const auth = callbackAuthHeaders(OTHER_ID, OTHER_KEY, body).Authorization;
    const error = await h.callback(body, auth).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).code).toBe('INBOUND_SIGNATURE_INVALID');
    expect((error as ChannelError).message).toContain('not signed with the key of work stream');
    const conversation = h.service.getConversation(sent.conversationId);
    expect(conversation.messages.at(-1)?.delivery?.code).toBe(290);
  });

  it('accepts the same report signed with the key of the message work stream', async () => {
    const { h, sent } = await twoAccounts();
    const result = await h.report(sent.telesignReferenceId ?? '', 200, 'Delivered');
    expect(result).toMatchObject({ kind: 'delivery-report', applied: true });
  });
});

describe('customer ID case (R-SEC-1)', () => {
  it('accepts an SMS signed by TeleSign when the customer ID was saved in lower case', async () => {
    const h = await createHarness();
    const ws = await h.workStream();
    // TeleSign (and the fake) treat customer IDs case-insensitively; its callbacks name the upper-case id.
    await h.service.saveSmsSettings(ws, { customerId: 'cid-0001' });
    const result = await h.text('hello');
    expect(result).toMatchObject({ kind: 'message', duplicate: false });
  });
});
