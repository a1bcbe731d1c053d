// The routing-rule evaluator (R-RT-3/4/5): ordered rules as data, first match wins, no match → null.
import type { Account, Condition, Contact, FieldCondition, RoutingRule } from './model';
import { sameNumber } from './sms-number';

/**
 * What a routing condition may test (R-RT-3 as amended): the linked contact or account and the
 * message context. The message text is deliberately absent: the product's 2019 release did not
 * give routing the SMS engagement context.
 */
export interface RoutingContext {
  /** The linked contact; absent when none or many matched, so contact conditions are false (R-RT-4). */
  contact?: Contact | undefined;
  /** The linked account; absent unless the one matching record was an account. */
  account?: Account | undefined;
  customerNumber: string;
  supportNumber: string;
}

/** The fields a condition may name, as people write them in errors and docs. */
export const ROUTING_FIELDS = [
  'contact.<field>',
  'account.<field>',
  'customer.number',
  'support.number',
] as const;

const FIELD_PATTERN = /^((contact|account)\.[A-Za-z][\w-]*|customer\.number|support\.number)$/;

/** Whether a condition may name `field` (R-RT-3); `message.text` may not. */
export function isRoutingField(field: string): boolean {
  return FIELD_PATTERN.test(field);
}

/** The first field in `condition` that is not a routing input, with its path, or null. */
export function firstForbiddenField(
  condition: Condition,
  path = 'condition',
): { field: string; path: string } | null {
  const parts = 'all' in condition ? condition.all : 'any' in condition ? condition.any : null;
  if (parts) {
    const key = 'all' in condition ? 'all' : 'any';
    for (const [i, part] of parts.entries()) {
      const found = firstForbiddenField(part, `${path}.${key}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  const field = (condition as FieldCondition).field;
  return isRoutingField(field) ? null : { field, path: `${path}.field` };
}

export type Routed = {
  queueId: string;
  routedBy: { ruleId: string; ruleName: string } | 'default';
};

const PHONE_FIELDS = new Set([
  'contact.mobilePhone',
  'account.mainPhone',
  'customer.number',
  'support.number',
]);

/** The value of `field` in the context, or undefined when it does not exist. */
export function fieldValue(field: string, context: RoutingContext): string | undefined {
  if (field === 'customer.number') return context.customerNumber;
  if (field === 'support.number') return context.supportNumber;
  if (field.startsWith('account.')) return accountValue(field.slice('account.'.length), context);
  if (!field.startsWith('contact.')) return undefined;
  const contact = context.contact;
  if (!contact) return undefined;
  const name = field.slice('contact.'.length);
  switch (name) {
    case 'mobilePhone':
      return contact.mobilePhone;
    case 'email':
      return contact.email;
    case 'firstName':
      return contact.firstName;
    case 'lastName':
      return contact.lastName;
    case 'id':
      return contact.id;
    default:
      return contact.fields[name];
  }
}

function accountValue(name: string, context: RoutingContext): string | undefined {
  const account = context.account;
  if (!account) return undefined;
  switch (name) {
    case 'name':
      return account.name;
    case 'mainPhone':
      return account.mainPhone;
    case 'id':
      return account.id;
    default:
      return account.fields[name];
  }
}

function valuesOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function equalsValue(field: string, actual: string, expected: string): boolean {
  if (PHONE_FIELDS.has(field) && sameNumber(actual, expected)) return true;
  return actual.toLowerCase() === expected.toLowerCase();
}

function testField(condition: FieldCondition, context: RoutingContext): boolean {
  const actual = fieldValue(condition.field, context);
  if (condition.op === 'exists') return actual !== undefined && actual !== '';
  if (actual === undefined) return false;
  const expected = valuesOf(condition.value);
  const lower = actual.toLowerCase();
  switch (condition.op) {
    case 'equals':
      return expected.some((value) => equalsValue(condition.field, actual, value));
    case 'not-equals':
      return !expected.some((value) => equalsValue(condition.field, actual, value));
    case 'in':
      return expected.some((value) => equalsValue(condition.field, actual, value));
    case 'begins-with':
      return expected.some((value) => lower.startsWith(value.toLowerCase()));
    case 'ends-with':
      return expected.some((value) => lower.endsWith(value.toLowerCase()));
    case 'contains':
      return expected.some((value) => lower.includes(value.toLowerCase()));
  }
}

/** Whether `condition` holds; `all: []` holds and `any: []` does not. */
export function evaluateCondition(condition: Condition, context: RoutingContext): boolean {
  if ('all' in condition) return condition.all.every((item) => evaluateCondition(item, context));
  if ('any' in condition) return condition.any.some((item) => evaluateCondition(item, context));
  return testField(condition, context);
}

/** The first enabled rule, top to bottom, whose condition holds (R-RT-3), or null. */
export function firstMatchingRule(
  rules: RoutingRule[],
  context: RoutingContext,
): RoutingRule | null {
  return rules.find((rule) => !rule.disabled && evaluateCondition(rule.condition, context)) ?? null;
}

/** The queue and the rule that routed the conversation, or the default queue (R-RT-4, R-RT-5). */
export function route(
  rules: RoutingRule[],
  context: RoutingContext,
  defaultQueueId: string,
): Routed {
  const rule = firstMatchingRule(rules, context);
  return rule
    ? { queueId: rule.queueId, routedBy: { ruleId: rule.id, ruleName: rule.name } }
    : { queueId: defaultQueueId, routedBy: 'default' };
}
