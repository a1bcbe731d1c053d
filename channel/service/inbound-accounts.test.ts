import { describe, expect, it } from 'vitest';
import { conversationOf, createHarness } from '../../test/channel/service-harness';

const CUSTOMER = '14255550123';

describe('R-RT-1: contacts and accounts identify the customer together', () => {
  it('R-RT-1: links the one active account whose main phone matches, and says it is an account', async () => {
    const h = await createHarness();
    await h.workStream();
    const account = await h.service.createAccount({
      name: 'Contoso',
      mainPhone: '+1 (425) 555-0123',
    });
    const id = conversationOf(await h.text('hi', { from: CUSTOMER }));
    const conversation = h.service.getConversation(id);
    expect(conversation).toMatchObject({
      accountId: account.id,
      contactMatch: 'linked',
      linkedKind: 'account',
    });
    expect(conversation.contactId).toBeUndefined();
  });

  it('R-RT-1: a contact link says it is a contact', async () => {
    const h = await createHarness();
    await h.workStream();
    const contact = await h.service.createContact({
      firstName: 'A',
      lastName: 'B',
      mobilePhone: '+14255550123',
    });
    const id = conversationOf(await h.text('hi', { from: CUSTOMER }));
    expect(h.service.getConversation(id)).toMatchObject({
      contactId: contact.id,
      linkedKind: 'contact',
    });
  });

  it('R-RT-1: a contact and an account with the same phone leave the conversation unlinked and flagged', async () => {
    const h = await createHarness();
    await h.workStream();
    await h.service.createContact({ firstName: 'A', lastName: 'B', mobilePhone: '+14255550123' });
    await h.service.createAccount({ name: 'Contoso', mainPhone: '+14255550123' });
    const id = conversationOf(await h.text('hi', { from: CUSTOMER }));
    const conversation = h.service.getConversation(id);
    expect(conversation).toMatchObject({ contactMatch: 'many', linkedKind: null });
    expect([conversation.contactId, conversation.accountId]).toEqual([undefined, undefined]);
  });

  it('R-RT-1: two accounts with the same phone are many too', async () => {
    const h = await createHarness();
    await h.workStream();
    await h.service.createAccount({ name: 'Contoso', mainPhone: '+14255550123' });
    await h.service.createAccount({ name: 'Fabrikam', mainPhone: '14255550123' });
    const id = conversationOf(await h.text('hi', { from: CUSTOMER }));
    expect(h.service.getConversation(id).contactMatch).toBe('many');
  });

  it('R-RT-1: an inactive account is not matched, so its active twin contact links alone', async () => {
    const h = await createHarness();
    await h.workStream();
    const contact = await h.service.createContact({
      firstName: 'A',
      lastName: 'B',
      mobilePhone: '+14255550123',
    });
    const account = await h.service.createAccount({ name: 'Old', mainPhone: '+14255550123' });
    await h.service.updateAccount(account.id, { status: 'inactive' });
    const id = conversationOf(await h.text('hi', { from: CUSTOMER }));
    expect(h.service.getConversation(id)).toMatchObject({
      contactId: contact.id,
      contactMatch: 'linked',
    });
  });

  it('R-RT-1: a main phone changed after creation is matched by its new value', async () => {
    const h = await createHarness();
    await h.workStream();
    const account = await h.service.createAccount({ name: 'Contoso', mainPhone: '+14255550999' });
    await h.service.updateAccount(account.id, { mainPhone: '+14255550123' });
    const id = conversationOf(await h.text('hi', { from: CUSTOMER }));
    expect(h.service.getConversation(id).accountId).toBe(account.id);
  });

  it('refuses an account main phone that is not a phone number, naming the field', async () => {
    const h = await createHarness();
    await expect(
      h.service.createAccount({ name: 'X', mainPhone: 'call us' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'mainPhone',
    });
  });

  it('lets the agent link an account to a flagged conversation, replacing nothing else', async () => {
    const h = await createHarness();
    await h.workStream();
    const agent = await h.agent('Alice');
    const id = conversationOf(await h.text('hi', { from: CUSTOMER }));
    await h.service.accept(agent, id);
    const account = await h.service.createAccount({ name: 'Contoso' });
    expect(await h.service.linkAccount(agent, id, account.id)).toMatchObject({
      accountId: account.id,
      contactMatch: 'linked',
      linkedKind: 'account',
    });
  });
});

describe('R-RT-3: routing on the linked account, never on the text', () => {
  it('R-RT-3: routes on a field of the linked account', async () => {
    const h = await createHarness();
    const ws = await h.workStream();
    const key = await h.service.createQueue({ name: 'Key accounts' });
    await h.service.createAccount({
      name: 'Contoso',
      mainPhone: '+14255550123',
      fields: { tier: 'key' },
    });
    await h.service.replaceRoutingRules(ws, [
      {
        name: 'Key',
        condition: { field: 'account.tier', op: 'equals', value: 'key' },
        queueId: key.id,
      },
    ]);
    const id = conversationOf(await h.text('hi', { from: CUSTOMER }));
    expect(h.service.getConversation(id)).toMatchObject({
      queueId: key.id,
      routedBy: { ruleName: 'Key' },
    });
  });

  it('R-RT-3: the same text from a customer without the field goes to the default queue', async () => {
    const h = await createHarness();
    const ws = await h.workStream();
    const key = await h.service.createQueue({ name: 'Key accounts' });
    await h.service.replaceRoutingRules(ws, [
      {
        name: 'Key',
        condition: { field: 'account.tier', op: 'equals', value: 'key' },
        queueId: key.id,
      },
    ]);
    const id = conversationOf(
      await h.text('refund for the key account please', { from: CUSTOMER }),
    );
    expect(h.service.getConversation(id)).toMatchObject({ routedBy: 'default' });
  });
});
