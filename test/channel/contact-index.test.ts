// The contact index behind inbound matching follows admin changes to contacts (R-RT-1).
import { describe, expect, it } from 'vitest';
import { conversationOf, createHarness } from './service-harness';

describe('inbound contact matching after contact changes (R-RT-1)', () => {
  it('links the contact whose mobile phone was changed to the sender after an earlier SMS', async () => {
    const h = await createHarness();
    await h.workStream();
    const contact = await h.service.createContact({
      firstName: 'Ada',
      lastName: 'L',
      mobilePhone: '+14255550999',
    });
    await h.text('first', { from: '14255550777' }); // the index is built here
    await h.service.updateContact(contact.id, { mobilePhone: '+1 425 555 0123' });
    const id = conversationOf(await h.text('hi', { from: '14255550123' }));
    expect(h.service.getConversation(id)).toMatchObject({
      contactId: contact.id,
      contactMatch: 'linked',
    });
  });

  it('no longer links the old number once the mobile phone changed', async () => {
    const h = await createHarness();
    await h.workStream();
    const contact = await h.service.createContact({
      firstName: 'Ada',
      lastName: 'L',
      mobilePhone: '+14255550123',
    });
    await h.text('first', { from: '14255550777' });
    await h.service.updateContact(contact.id, { mobilePhone: '+14255550999' });
    const id = conversationOf(await h.text('hi', { from: '14255550123' }));
    expect(h.service.getConversation(id).contactMatch).toBe('none');
  });

  it('links a contact created after an earlier SMS, and not one deleted since', async () => {
    const h = await createHarness();
    await h.workStream();
    const gone = await h.service.createContact({
      firstName: 'Old',
      lastName: 'L',
      mobilePhone: '+14255550123',
    });
    await h.text('first', { from: '14255550777' });
    const fresh = await h.service.createContact({
      firstName: 'New',
      lastName: 'L',
      mobilePhone: '+14255550123',
    });
    await h.service.deleteContact(gone.id);
    const id = conversationOf(await h.text('hi', { from: '14255550123' }));
    expect(h.service.getConversation(id)).toMatchObject({
      contactId: fresh.id,
      contactMatch: 'linked',
    });
  });
});
