import { describe, expect, it } from 'vitest';
import type { Contact } from '../domain/model';
import { createContactIndex, createE164Memo, sameNumberWith } from './phone-index';

const contact = (
  id: string,
  mobilePhone?: string,
  status: Contact['status'] = 'active',
): Contact => ({
  id,
  firstName: id,
  lastName: 'Test',
  ...(mobilePhone ? { mobilePhone } : {}),
  status,
  fields: {},
});

describe('createE164Memo', () => {
  it('answers the E.164 form of CRM and TeleSign forms alike', () => {
    const e164 = createE164Memo();
    expect(e164('+1 425-555-0123')).toBe('+14255550123');
    expect(e164('14255550123')).toBe('+14255550123');
  });

  it('answers null for no phone and for what is not a phone', () => {
    const e164 = createE164Memo();
    expect(e164(undefined)).toBeNull();
    expect(e164('call me')).toBeNull();
  });

  it('keeps answering correctly after it is cleared for reaching its limit', () => {
    const e164 = createE164Memo(2);
    for (const phone of ['14255550101', '14255550102', '14255550103', '14255550101'])
      expect(e164(phone)).toBe(`+${phone}`);
  });
});

describe('sameNumberWith', () => {
  it('matches two forms of one number and refuses a missing one (R-RT-1)', () => {
    const e164 = createE164Memo();
    expect(sameNumberWith(e164, '+1 (425) 555-0123', '14255550123')).toBe(true);
    expect(sameNumberWith(e164, '14255550123', '14255550124')).toBe(false);
    expect(sameNumberWith(e164, undefined, '14255550123')).toBe(false);
  });
});

describe('createContactIndex', () => {
  it('finds the active contact whose mobile phone is the sender, in another form (R-RT-1)', () => {
    const contacts = [contact('a', '+1 425-555-0123'), contact('b', '+1 425-555-0999')];
    const index = createContactIndex(() => contacts, createE164Memo());
    expect(index.matching('14255550123').map((c) => c.id)).toEqual(['a']);
  });

  it('finds every contact sharing the number, in list order', () => {
    const contacts = [contact('a', '14255550123'), contact('b', '+1 425 555 0123')];
    const index = createContactIndex(() => contacts, createE164Memo());
    expect(index.matching('14255550123').map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('leaves out an inactive contact, even one made inactive after the index was built', () => {
    const contacts = [contact('a', '14255550123'), contact('b', '14255550123', 'inactive')];
    const index = createContactIndex(() => contacts, createE164Memo());
    expect(index.matching('14255550123').map((c) => c.id)).toEqual(['a']);
    const [first] = contacts;
    if (first) first.status = 'inactive';
    expect(index.matching('14255550123')).toEqual([]);
  });

  it('finds the contact after its mobile phone changes and it is invalidated', () => {
    const contacts = [contact('a', '14255550123')];
    const index = createContactIndex(() => contacts, createE164Memo());
    expect(index.matching('14255550777')).toEqual([]);
    const [first] = contacts;
    if (first) first.mobilePhone = '+1 425 555 0777';
    index.invalidate();
    expect(index.matching('14255550777').map((c) => c.id)).toEqual(['a']);
    expect(index.matching('14255550123')).toEqual([]);
  });

  it('notices a contact added or a list replaced without being told', () => {
    let contacts = [contact('a', '14255550123')];
    const index = createContactIndex(() => contacts, createE164Memo());
    expect(index.matching('14255550124')).toEqual([]);
    contacts.push(contact('b', '14255550124'));
    expect(index.matching('14255550124').map((c) => c.id)).toEqual(['b']);
    contacts = contacts.filter((c) => c.id !== 'a');
    expect(index.matching('14255550123')).toEqual([]);
  });

  it('matches nothing for a sender that is not a phone, and skips contacts without one', () => {
    const contacts = [contact('a'), contact('b', 'n/a')];
    const index = createContactIndex(() => contacts, createE164Memo());
    expect(index.matching('not a phone')).toEqual([]);
  });
});
