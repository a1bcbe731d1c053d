import { describe, expect, it } from 'vitest';
import { conversationOf, createHarness } from '../../test/channel/service-harness';

describe('R-MSG-8: a reply refused because the customer opted out', () => {
  it('R-MSG-8: a 510 delivery report tells the agent the customer opted out, with TeleSign code and description', async () => {
    const h = await createHarness();
    await h.workStream();
    const agent = await h.agent('Alice');
    const id = conversationOf(await h.text('STOP'));
    await h.service.accept(agent, id);
    const sent = await h.service.send(agent, id, 'We are sorry to see you go');
    await h.report(
      sent.telesignReferenceId ?? '',
      510,
      'Message blocked by subscriber action or request',
    );
    expect(h.service.getConversation(id).messages[1]?.delivery).toMatchObject({
      code: 510,
      description: 'Message blocked by subscriber action or request',
      final: true,
      explanation: 'the customer opted out of messages from this number',
    });
    expect(h.events).toContainEqual(
      expect.objectContaining({
        type: 'message.failed',
        reason:
          'the customer opted out of messages from this number (TeleSign 510: Message blocked by subscriber action or request)',
      }),
    );
  });

  it('R-MSG-8: STOP, START and HELP are ordinary texts: they open or join the conversation like any other', async () => {
    const h = await createHarness();
    await h.workStream();
    const id = conversationOf(await h.text('STOP'));
    expect(conversationOf(await h.text('START'))).toBe(id);
    expect(conversationOf(await h.text('HELP'))).toBe(id);
    expect(h.service.getConversation(id).messages.map((m) => m.text)).toEqual([
      'STOP',
      'START',
      'HELP',
    ]);
  });

  it('gives other failures no opt-out explanation', async () => {
    const h = await createHarness();
    await h.workStream();
    const agent = await h.agent('Alice');
    const id = conversationOf(await h.text('hi'));
    await h.service.accept(agent, id);
    const sent = await h.service.send(agent, id, 'hello');
    await h.report(sent.telesignReferenceId ?? '', 210, 'Temporary phone error');
    expect(h.service.getConversation(id).messages[1]?.delivery?.explanation).toBeUndefined();
  });
});
