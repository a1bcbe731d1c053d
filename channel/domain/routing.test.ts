import { describe, expect, it } from 'vitest';
import type { Account, Contact, FieldCondition, RoutingRule } from './model';
import {
  evaluateCondition,
  firstForbiddenField,
  firstMatchingRule,
  isRoutingField,
  type RoutingContext,
  route,
} from './routing';

const contact: Contact = {
  id: 'ct_1',
  firstName: 'Ada',
  lastName: 'Lovelace',
  mobilePhone: '+14255550123',
  status: 'active',
  fields: { city: 'Seattle', tier: 'gold' },
};
const ctx: RoutingContext = {
  contact,
  customerNumber: '14255550123',
  supportNumber: '14255550100',
};
const account: Account = {
  id: 'acc_1',
  name: 'Contoso',
  mainPhone: '+1 425 555 0199',
  status: 'active',
  fields: { tier: 'key' },
};
const accountCtx: RoutingContext = {
  account,
  customerNumber: '14255550199',
  supportNumber: '14255550100',
};
const rule = (
  id: string,
  condition: RoutingRule['condition'],
  queueId = `q_${id}`,
): RoutingRule => ({ id, name: `rule ${id}`, condition, queueId });

describe('routing operators (R-RT-3)', () => {
  it.each([
    [{ field: 'contact.city', op: 'equals', value: 'seattle' }, true],
    [{ field: 'contact.city', op: 'equals', value: 'Paris' }, false],
    [{ field: 'contact.city', op: 'not-equals', value: 'Paris' }, true],
    [{ field: 'contact.city', op: 'begins-with', value: 'Sea' }, true],
    [{ field: 'contact.city', op: 'ends-with', value: 'tle' }, true],
    [{ field: 'contact.tier', op: 'in', value: ['silver', 'gold'] }, true],
    [{ field: 'contact.tier', op: 'in', value: ['silver'] }, false],
    [{ field: 'contact.email', op: 'exists' }, false],
    [{ field: 'contact.city', op: 'exists' }, true],
    [{ field: 'customer.number', op: 'begins-with', value: '1425' }, true],
    [{ field: 'support.number', op: 'equals', value: '+14255550100' }, true],
    [{ field: 'contact.mobilePhone', op: 'equals', value: '14255550123' }, true],
  ] as Array<[FieldCondition, boolean]>)('evaluates %j as %s', (condition, expected) => {
    expect(
      evaluateCondition(
        { ...condition, value: condition.value as string | string[] | undefined },
        ctx,
      ),
    ).toBe(expected);
  });

  it('combines conditions with all', () => {
    expect(
      evaluateCondition(
        {
          all: [
            { field: 'contact.city', op: 'equals', value: 'Seattle' },
            { field: 'contact.tier', op: 'equals', value: 'silver' },
          ],
        },
        ctx,
      ),
    ).toBe(false);
  });
  it('combines conditions with any', () => {
    expect(
      evaluateCondition(
        {
          any: [
            { field: 'contact.city', op: 'equals', value: 'Paris' },
            { field: 'contact.tier', op: 'equals', value: 'gold' },
          ],
        },
        ctx,
      ),
    ).toBe(true);
  });
  it('treats contact conditions as false when no contact is linked (R-RT-4)', () => {
    const none = { ...ctx, contact: undefined };
    expect(
      evaluateCondition({ field: 'contact.city', op: 'not-equals', value: 'Paris' }, none),
    ).toBe(false);
  });
});

describe('rule order (R-RT-3, R-RT-4, R-RT-5)', () => {
  const rules = [
    rule('a', { field: 'contact.city', op: 'equals', value: 'Paris' }),
    rule('b', { field: 'contact.tier', op: 'equals', value: 'gold' }),
    rule('c', { field: 'contact.city', op: 'equals', value: 'Seattle' }),
  ];
  it('picks the first matching rule top to bottom', () => {
    expect(firstMatchingRule(rules, ctx)?.id).toBe('b');
  });
  it('returns null when no rule matches', () => {
    expect(firstMatchingRule(rules.slice(0, 1), ctx)).toBeNull();
  });
  it('routes to the default queue and records default when nothing matches', () => {
    expect(route([], ctx, 'q_default')).toEqual({ queueId: 'q_default', routedBy: 'default' });
  });
  it('records which rule routed the conversation', () => {
    expect(route(rules, ctx, 'q_default')).toEqual({
      queueId: 'q_b',
      routedBy: { ruleId: 'b', ruleName: 'rule b' },
    });
  });
});

describe('routing operators with lists and built-in contact fields (R-RT-3)', () => {
  const holds = (condition: FieldCondition, context: RoutingContext = ctx) =>
    evaluateCondition(condition, context);
  const withEmail: RoutingContext = { ...ctx, contact: { ...contact, email: 'ada@example.com' } };
  it('matches a list when any one value matches, for every text operator', () => {
    expect(holds({ field: 'contact.city', op: 'begins-with', value: ['Par', 'Sea'] })).toBe(true);
    expect(holds({ field: 'contact.city', op: 'ends-with', value: ['ris', 'tle'] })).toBe(true);
    expect(holds({ field: 'contact.city', op: 'contains', value: ['xyz', 'att'] })).toBe(true);
    expect(holds({ field: 'contact.city', op: 'equals', value: ['Paris', 'Seattle'] })).toBe(true);
  });
  it('refuses not-equals when any value of the list is equal', () => {
    expect(holds({ field: 'contact.city', op: 'not-equals', value: ['Paris', 'Seattle'] })).toBe(
      false,
    );
    expect(holds({ field: 'contact.city', op: 'not-equals', value: ['Paris', 'Rome'] })).toBe(true);
  });
  it('reads the contact’s built-in fields by name', () => {
    expect(holds({ field: 'contact.firstName', op: 'equals', value: 'ada' })).toBe(true);
    expect(holds({ field: 'contact.lastName', op: 'equals', value: 'Lovelace' })).toBe(true);
    expect(holds({ field: 'contact.id', op: 'equals', value: 'ct_1' })).toBe(true);
    expect(
      holds({ field: 'contact.email', op: 'ends-with', value: '@example.com' }, withEmail),
    ).toBe(true);
    expect(holds({ field: 'contact.firstName', op: 'equals', value: 'Lovelace' })).toBe(false);
  });
  it('finds nothing in a field of another record or an unknown prefix', () => {
    expect(holds({ field: 'city', op: 'exists' })).toBe(false);
    expect(holds({ field: 'customer.city', op: 'exists' })).toBe(false);
    expect(holds({ field: 'contact.city', op: 'exists' }, { ...ctx, contact: undefined })).toBe(
      false,
    );
  });
  it('counts an empty custom field as not existing', () => {
    const blank: RoutingContext = { ...ctx, contact: { ...contact, fields: { city: '' } } };
    expect(holds({ field: 'contact.city', op: 'exists' }, blank)).toBe(false);
  });
  it('compares phone fields as numbers but other fields as text', () => {
    expect(holds({ field: 'customer.number', op: 'equals', value: '+1 425-555-0123' })).toBe(true);
    const phoneLike: RoutingContext = {
      ...ctx,
      contact: { ...contact, fields: { alt: '14255550123' } },
    };
    expect(holds({ field: 'contact.alt', op: 'equals', value: '+1 425-555-0123' }, phoneLike)).toBe(
      false,
    );
  });
  it('holds all of a list of conditions only when each one holds', () => {
    const yes: FieldCondition = { field: 'contact.city', op: 'equals', value: 'Seattle' };
    const no: FieldCondition = { field: 'contact.city', op: 'equals', value: 'Paris' };
    expect(evaluateCondition({ all: [yes, yes] }, ctx)).toBe(true);
    expect(evaluateCondition({ all: [yes, no] }, ctx)).toBe(false);
  });
});

describe('R-RT-3: routing tests the linked contact or account and the numbers, not the text', () => {
  it('R-RT-3: evaluates account fields of the linked account', () => {
    expect(
      evaluateCondition({ field: 'account.tier', op: 'equals', value: 'KEY' }, accountCtx),
    ).toBe(true);
    expect(
      evaluateCondition({ field: 'account.name', op: 'begins-with', value: 'cont' }, accountCtx),
    ).toBe(true);
    expect(
      evaluateCondition(
        { field: 'account.mainPhone', op: 'equals', value: '14255550199' },
        accountCtx,
      ),
    ).toBe(true);
  });
  it('R-RT-3: account conditions are false when a contact is linked, and contact ones when an account is', () => {
    expect(evaluateCondition({ field: 'account.tier', op: 'exists' }, ctx)).toBe(false);
    expect(evaluateCondition({ field: 'contact.tier', op: 'exists' }, accountCtx)).toBe(false);
  });
  it('R-RT-3: the message text is not a routing field', () => {
    expect(isRoutingField('message.text')).toBe(false);
    expect(isRoutingField('contact.city')).toBe(true);
    expect(isRoutingField('account.tier')).toBe(true);
    expect(isRoutingField('customer.number')).toBe(true);
    expect(isRoutingField('support.number')).toBe(true);
    expect(isRoutingField('customer.name')).toBe(false);
  });
  it('R-RT-3: finds a forbidden field nested in all/any, with its path', () => {
    expect(
      firstForbiddenField({
        all: [
          { field: 'contact.tier', op: 'equals', value: 'vip' },
          { any: [{ field: 'message.text', op: 'contains', value: 'refund' }] },
        ],
      }),
    ).toEqual({ field: 'message.text', path: 'condition.all[1].any[0].field' });
    expect(firstForbiddenField({ field: 'support.number', op: 'exists' })).toBeNull();
  });
  it('R-RT-3: a disabled rule is never evaluated, so the next rule routes', () => {
    const rules = [
      {
        ...rule('a', { field: 'contact.city', op: 'equals', value: 'Seattle' }),
        disabled: { reason: 'x' },
      },
      rule('b', { field: 'contact.tier', op: 'equals', value: 'gold' }),
    ];
    expect(firstMatchingRule(rules, ctx)?.id).toBe('b');
  });
});
