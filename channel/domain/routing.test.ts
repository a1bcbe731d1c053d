import { describe, expect, it } from 'vitest';
import type { Contact, FieldCondition, RoutingRule } from './model';
import { evaluateCondition, firstMatchingRule, type RoutingContext, route } from './routing';

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
  messageText: 'Refund please',
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
    [{ field: 'message.text', op: 'contains', value: 'refund' }, true],
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
