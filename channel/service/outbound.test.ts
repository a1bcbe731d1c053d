import { describe, expect, it } from 'vitest';
import { conversationOf, createHarness, type Harness } from '../../test/channel/service-harness';

const refusal = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

async function held(h: Harness): Promise<{ id: string; agent: string }> {
  await h.workStream();
  const agent = await h.agent('Alice');
  const id = conversationOf(await h.text('hi'));
  await h.service.accept(agent, id);
  return { id, agent };
}

describe('agent messages (R-MSG-1, R-MSG-2, R-MSG-4, R-MSG-6)', () => {
  it.each([1599, 1600])('sends %i characters', async (length) => {
    const h = await createHarness();
    const { id, agent } = await held(h);
    expect(await h.service.send(agent, id, 'a'.repeat(length))).toMatchObject({
      chars: length,
      segments: Math.ceil(length / 153),
    });
    expect(h.gateway.sent).toHaveLength(1);
  });

  it('refuses 1601 characters naming limit and length, sending nothing and adding nothing', async () => {
    const h = await createHarness();
    const { id, agent } = await held(h);
    expect(await refusal(h.service.send(agent, id, 'a'.repeat(1601)))).toMatchObject({
      code: 'MESSAGE_TOO_LONG',
      message: 'A message has at most 1600 characters; this one has 1601.',
    });
    expect(h.gateway.sent).toEqual([]);
    expect(h.service.getConversation(id).messages).toHaveLength(1);
  });

  it('counts emoji as one character each and sends them as UCS-2', async () => {
    const h = await createHarness();
    const { id, agent } = await held(h);
    expect(await h.service.send(agent, id, '😀'.repeat(1600))).toMatchObject({
      chars: 1600,
      encoding: 'UCS-2',
    });
    expect(await refusal(h.service.send(agent, id, '😀'.repeat(1601)))).toMatchObject({
      code: 'MESSAGE_TOO_LONG',
    });
  });

  it('refuses an empty or whitespace-only message', async () => {
    const h = await createHarness();
    const { id, agent } = await held(h);
    expect(await refusal(h.service.send(agent, id, '   '))).toMatchObject({
      code: 'MESSAGE_EMPTY',
      message: 'A message cannot be empty or only whitespace.',
    });
    expect(h.gateway.sent).toEqual([]);
  });

  it('records segments and encoding, GSM extension characters counting twice', async () => {
    const h = await createHarness();
    const { id, agent } = await held(h);
    expect(await h.service.send(agent, id, '€'.repeat(81))).toMatchObject({
      encoding: 'GSM-7',
      segments: 2,
      chars: 81,
    });
  });
});

describe('who may send (R-CV-5)', () => {
  it('refuses a message in a Closed conversation', async () => {
    const h = await createHarness();
    const { id, agent } = await held(h);
    await h.service.end(agent, id);
    await h.service.closeSession(agent, id);
    expect(await refusal(h.service.send(agent, id, 'hello'))).toMatchObject({
      code: 'CONVERSATION_CLOSED',
    });
  });

  it('refuses a message from an agent who does not hold the conversation', async () => {
    const h = await createHarness();
    const { id } = await held(h);
    const bob = await h.agent('Bob');
    expect(await refusal(h.service.send(bob, id, 'hello'))).toMatchObject({
      code: 'NOT_CONVERSATION_AGENT',
    });
  });

  it('refuses to send when the work stream lost its number, saying what is missing (R-WS-6)', async () => {
    const h = await createHarness();
    const { id, agent } = await held(h);
    const ws = h.service.listWorkStreams()[0]?.id ?? '';
    await h.service.removeNumber(ws, '14255550100');
    expect(await refusal(h.service.send(agent, id, 'hello'))).toMatchObject({
      code: 'SMS_SETTINGS_INCOMPLETE',
      message: 'The work stream cannot route SMS yet: add number.',
    });
  });
});

describe('TeleSign failures (R-MSG-5)', () => {
  it('records a refused send on the message for the agent and keeps working', async () => {
    const h = await createHarness();
    const { id, agent } = await held(h);
    h.gateway.nextSends.push({
      ok: false,
      code: 10019,
      description: 'Rate limit exceeded',
      retryable: true,
    });
    const failed = await h.service.send(agent, id, 'first');
    expect(failed).toMatchObject({ failure: { code: 10019, description: 'Rate limit exceeded' } });
    expect(failed.telesignReferenceId).toBeUndefined();
    expect(h.events).toContainEqual(
      expect.objectContaining({
        type: 'message.failed',
        messageId: failed.id,
        reason: 'TeleSign 10019: Rate limit exceeded',
      }),
    );
    expect((await h.service.send(agent, id, 'second')).failure).toBeUndefined();
  });

  it('records a gateway that throws as unreachable, without crashing', async () => {
    const h = await createHarness();
    const { id, agent } = await held(h);
    h.gateway.nextSends.push(new Error('socket hang up'));
    expect(await h.service.send(agent, id, 'hello')).toMatchObject({
      failure: { code: 'unreachable', description: 'socket hang up' },
    });
  });
});

describe('delivery reports (R-MSG-5, R-MSG-7)', () => {
  it('moves through in progress, delivered to gateway and delivered to handset', async () => {
    const h = await createHarness();
    const { id, agent } = await held(h);
    const sent = await h.service.send(agent, id, 'hello');
    const ref = sent.telesignReferenceId ?? '';
    expect(await h.report(ref, 203, 'Delivered to gateway')).toEqual({
      kind: 'delivery-report',
      messageId: sent.id,
      applied: true,
    });
    expect(await h.report(ref, 200, 'Delivered to handset')).toMatchObject({ applied: true });
    expect(h.service.getConversation(id).messages[1]?.delivery).toMatchObject({
      code: 200,
      description: 'Delivered to handset',
      final: true,
    });
  });

  it('never lets a late intermediate report overwrite a final one', async () => {
    const h = await createHarness();
    const { id, agent } = await held(h);
    const sent = await h.service.send(agent, id, 'hello');
    const ref = sent.telesignReferenceId ?? '';
    await h.report(ref, 200, 'Delivered to handset');
    expect(await h.report(ref, 203, 'Delivered to gateway')).toMatchObject({ applied: false });
    expect(h.service.getConversation(id).messages[1]?.delivery?.code).toBe(200);
  });

  it('applies a report delivered twice once', async () => {
    const h = await createHarness();
    const { agent, id } = await held(h);
    const sent = await h.service.send(agent, id, 'hello');
    await h.report(sent.telesignReferenceId ?? '', 200);
    expect(await h.report(sent.telesignReferenceId ?? '', 200)).toMatchObject({ applied: false });
    expect(h.events.filter((e) => e.type === 'message.status')).toHaveLength(1);
  });

  it('shows a final failure code and description to the agent', async () => {
    const h = await createHarness();
    const { agent, id } = await held(h);
    const sent = await h.service.send(agent, id, 'hello');
    await h.report(sent.telesignReferenceId ?? '', 210, 'Temporary phone error');
    expect(h.service.getConversation(id).messages[1]?.delivery).toMatchObject({
      code: 210,
      description: 'Temporary phone error',
      final: true,
    });
    expect(h.events).toContainEqual(
      expect.objectContaining({
        type: 'message.failed',
        reason: 'TeleSign 210: Temporary phone error',
      }),
    );
  });

  it('matches a report by external id when the reference id is not yet known', async () => {
    const h = await createHarness();
    const { agent, id } = await held(h);
    const sent = await h.service.send(agent, id, 'hello');
    expect(
      await h.report('F00D0000000000000000000000000000', 203, 'Delivered to gateway', sent.id),
    ).toMatchObject({ messageId: sent.id, applied: true });
  });

  it('answers an unknown report without changing anything', async () => {
    const h = await createHarness();
    await held(h);
    expect(await h.report('DEAD0000000000000000000000000000', 200)).toEqual({
      kind: 'delivery-report',
      messageId: null,
      applied: false,
    });
  });
});
