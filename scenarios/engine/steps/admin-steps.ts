// Administrator steps: work streams, SMS settings, numbers, routing rules, queues, contacts, accounts, agents, key validation.
import { z } from 'zod';
import { durationSchema } from '../../duration';
import { presenceSchema, worldRuleSchema } from '../../world/world-schema';
import { asRecord, lookup, type RunContext, StepFailure } from '../context';

const wsFields = {
  capacityUnits: z.number().int().optional(),
  allowedPresences: z.array(presenceSchema).optional(),
  autoCloseAfterInactivity: durationSchema.optional(),
  offerTimeout: durationSchema.optional(),
};

export const adminShape = {
  'create-work-stream': z.strictObject({ name: z.string(), mode: z.string(), ...wsFields }),
  'update-work-stream': z.strictObject({
    workStream: z.string(),
    name: z.string().optional(),
    mode: z.string().optional(),
    ...wsFields,
  }),
  'delete-work-stream': z.strictObject({ workStream: z.string() }),
  'save-settings': z.strictObject({
    workStream: z.string(),
    account: z.string().optional().describe("Use this world account's customer id and key…"),
    customerId: z.string().optional().describe('…or give them (or a wrong one) directly.'),
    apiKey: z.string().optional(),
  }),
  'validate-key': z.strictObject({ workStream: z.string() }),
  'add-number': z.strictObject({
    workStream: z.string(),
    number: z.string(),
    type: z.string().optional(),
    description: z.string().optional(),
  }),
  'remove-number': z.strictObject({ workStream: z.string(), number: z.string() }),
  'check-number': z.strictObject({ number: z.string() }),
  'set-rules': z.strictObject({ workStream: z.string(), rules: z.array(worldRuleSchema) }),
  'create-queue': z.strictObject({ name: z.string() }),
  'delete-queue': z.strictObject({ queue: z.string() }),
  'create-contact': z.strictObject({
    name: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    mobilePhone: z.string().optional(),
    status: z.enum(['active', 'inactive']).optional(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
  'update-contact': z.strictObject({
    contact: z.string(),
    mobilePhone: z.string().optional(),
    status: z.enum(['active', 'inactive']).optional(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
  'delete-contact': z.strictObject({ contact: z.string() }),
  // Accounts of the channel (R-RT-1); `create-account` is a TeleSign account.
  'create-customer-account': z.strictObject({
    name: z.string(),
    displayName: z.string().optional(),
    mainPhone: z.string().optional(),
    status: z.enum(['active', 'inactive']).optional(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
  'update-customer-account': z.strictObject({
    account: z.string(),
    mainPhone: z.string().optional(),
    status: z.enum(['active', 'inactive']).optional(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
  'delete-customer-account': z.strictObject({ account: z.string() }),
  'create-agent': z.strictObject({
    name: z.string(),
    queues: z.array(z.string()).default([]),
    capacity: z.number().int().optional(),
    presence: presenceSchema.optional(),
  }),
  'update-agent': z.strictObject({
    agent: z.string(),
    queues: z.array(z.string()).optional(),
    capacity: z.number().int().optional(),
  }),
};

type Shape = { [K in keyof typeof adminShape]?: z.output<(typeof adminShape)[K]> };

const wsBody = (
  s:
    | z.output<(typeof adminShape)['update-work-stream']>
    | z.output<(typeof adminShape)['create-work-stream']>,
) => ({
  ...('name' in s && s.name !== undefined && { name: s.name }),
  ...(s.mode !== undefined && { mode: s.mode }),
  ...(s.capacityUnits !== undefined && { capacityUnits: s.capacityUnits }),
  ...(s.allowedPresences !== undefined && { allowedPresences: s.allowedPresences }),
  ...(s.autoCloseAfterInactivity !== undefined && {
    autoCloseAfterInactivityMs: s.autoCloseAfterInactivity,
  }),
  ...(s.offerTimeout !== undefined && { offerTimeoutMs: s.offerTimeout }),
});

export async function runAdminStep(step: Shape, ctx: RunContext): Promise<string | null> {
  const ws = (name: string) => lookup(ctx.ids.workStreams, name, 'work stream');
  const act = async (label: string, method: string, path: string, body?: unknown) => {
    const response = await ctx.channel.call(method, path, body);
    ctx.lastAction = { step: -1, label, response };
    await ctx.settle();
    return response.status < 300 ? asRecord(response.body) : null;
  };
  if (step['create-work-stream']) {
    const s = step['create-work-stream'];
    const created = await act('create-work-stream', 'POST', '/api/work-streams', wsBody(s));
    if (created) ctx.ids.workStreams[s.name] = String(created.id);
    return `create work stream ${s.name}`;
  }
  if (step['update-work-stream']) {
    const s = step['update-work-stream'];
    await act('update-work-stream', 'PATCH', `/api/work-streams/${ws(s.workStream)}`, wsBody(s));
    return `update work stream ${s.workStream}`;
  }
  if (step['delete-work-stream']) {
    await act(
      'delete-work-stream',
      'DELETE',
      `/api/work-streams/${ws(step['delete-work-stream'].workStream)}`,
    );
    return 'delete work stream';
  }
  if (step['save-settings']) {
    const s = step['save-settings'];
    const account = s.account ? ctx.ids.accounts[s.account] : undefined;
    if (s.account && !account) throw new StepFailure(`no TeleSign account named "${s.account}"`);
    const body = {
      customerId: s.customerId ?? account?.customerId,
      ...((s.apiKey ?? account?.apiKey) !== undefined && { apiKey: s.apiKey ?? account?.apiKey }),
    };
    await act('save-settings', 'PUT', `/api/work-streams/${ws(s.workStream)}/sms-settings`, body);
    return `save SMS settings of ${s.workStream}`;
  }
  if (step['validate-key']) {
    await act(
      'validate-key',
      'POST',
      `/api/work-streams/${ws(step['validate-key'].workStream)}/validate-api-key`,
    );
    return 'validate API key';
  }
  if (step['add-number']) {
    const { workStream, ...body } = step['add-number'];
    const ok = await act('add-number', 'POST', `/api/work-streams/${ws(workStream)}/numbers`, body);
    if (ok && !ctx.ids.numbers[workStream]) ctx.ids.numbers[workStream] = body.number;
    return `add number ${body.number} to ${workStream}`;
  }
  if (step['remove-number']) {
    const s = step['remove-number'];
    const ok = await act(
      'remove-number',
      'DELETE',
      `/api/work-streams/${ws(s.workStream)}/numbers/${s.number}`,
    );
    if (ok) delete ctx.ids.numbers[s.workStream];
    return `remove number ${s.number}`;
  }
  if (step['check-number']) {
    await act('check-number', 'POST', '/api/numbers/check', {
      number: step['check-number'].number,
    });
    return `check number ${step['check-number'].number}`;
  }
  if (step['set-rules']) {
    const s = step['set-rules'];
    const rules = s.rules.map((r) => ({
      name: r.name,
      condition: r.condition,
      queueId: lookup(ctx.ids.queues, r.queue, 'queue'),
    }));
    await act('set-rules', 'PUT', `/api/work-streams/${ws(s.workStream)}/routing-rules`, rules);
    return `replace routing rules of ${s.workStream}`;
  }
  if (step['create-queue']) {
    const created = await act('create-queue', 'POST', '/api/queues', step['create-queue']);
    if (created) ctx.ids.queues[step['create-queue'].name] = String(created.id);
    return `create queue ${step['create-queue'].name}`;
  }
  if (step['delete-queue']) {
    await act(
      'delete-queue',
      'DELETE',
      `/api/queues/${lookup(ctx.ids.queues, step['delete-queue'].queue, 'queue')}`,
    );
    return 'delete queue';
  }
  if (step['create-contact']) {
    const { name, ...body } = step['create-contact'];
    const created = await act('create-contact', 'POST', '/api/contacts', body);
    if (created) {
      ctx.ids.contacts[name] = String(created.id);
      if (body.mobilePhone) ctx.ids.phones[name] = body.mobilePhone.replace(/\D/g, '');
    }
    return `create contact ${name}`;
  }
  if (step['update-contact']) {
    const { contact, ...body } = step['update-contact'];
    await act(
      'update-contact',
      'PATCH',
      `/api/contacts/${lookup(ctx.ids.contacts, contact, 'contact')}`,
      body,
    );
    return `update contact ${contact}`;
  }
  if (step['delete-contact']) {
    const contact = step['delete-contact'].contact;
    await act(
      'delete-contact',
      'DELETE',
      `/api/contacts/${lookup(ctx.ids.contacts, contact, 'contact')}`,
    );
    return `delete contact ${contact}`;
  }
  if (step['create-customer-account']) {
    const { name, displayName, ...body } = step['create-customer-account'];
    const created = await act('create-customer-account', 'POST', '/api/accounts', {
      name: displayName ?? name,
      ...body,
    });
    if (created) {
      ctx.ids.customerAccounts[name] = String(created.id);
      if (body.mainPhone) ctx.ids.phones[name] = body.mainPhone.replace(/\D/g, '');
    }
    return `create account ${name}`;
  }
  if (step['update-customer-account']) {
    const { account, ...body } = step['update-customer-account'];
    const id = lookup(ctx.ids.customerAccounts, account, 'account');
    await act('update-customer-account', 'PATCH', `/api/accounts/${id}`, body);
    return `update account ${account}`;
  }
  if (step['delete-customer-account']) {
    const account = step['delete-customer-account'].account;
    const id = lookup(ctx.ids.customerAccounts, account, 'account');
    await act('delete-customer-account', 'DELETE', `/api/accounts/${id}`);
    return `delete account ${account}`;
  }
  if (step['create-agent']) {
    const { name, queues, ...rest } = step['create-agent'];
    const queueIds = queues.map((q) => lookup(ctx.ids.queues, q, 'queue'));
    const created = await act('create-agent', 'POST', '/api/agents', { name, queueIds, ...rest });
    if (created) ctx.ids.agents[name] = String(created.id);
    return `create agent ${name}`;
  }
  if (step['update-agent']) {
    const { agent, queues, ...rest } = step['update-agent'];
    const body = {
      ...rest,
      ...(queues && { queueIds: queues.map((q) => lookup(ctx.ids.queues, q, 'queue')) }),
    };
    await act(
      'update-agent',
      'PATCH',
      `/api/agents/${lookup(ctx.ids.agents, agent, 'agent')}`,
      body,
    );
    return `update agent ${agent}`;
  }
  return null;
}
