// TeleSign and carrier steps: delivery policies per handset, injected faults, rate limits, accounts and numbers.
import { z } from 'zod';
import { settingsInputSchema } from '../../../simulator/backend/account-settings';
import { setDelivery } from '../../world/apply-world';
import { deliverySchema } from '../../world/world-schema';
import { asRecord, phoneOf, type RunContext, StepFailure } from '../context';

export const telesignShape = {
  delivery: deliverySchema
    .extend({ handset: z.string().min(1) })
    .describe('How the carrier treats messages to this handset from now on.'),
  /** The next `count` API requests or callback attempts misbehave. */
  fault: z.strictObject({
    target: z.enum(['api', 'callback']),
    kind: z.enum([
      'unavailable',
      'non-json',
      'empty',
      'hang',
      'fail',
      'refuse',
      'duplicate',
      'delay',
      'out-of-order',
    ]),
    count: z.number().int().min(1).default(1),
    account: z.string().optional(),
    ms: z.number().int().min(0).optional(),
  }),
  'clear-faults': z.literal(true),
  'rate-limit': z.strictObject({
    account: z.string(),
    perSecond: z.number().int().positive().nullable(),
  }),
  'create-account': z.strictObject({ name: z.string().min(1) }),
  purchase: z.strictObject({
    account: z.string(),
    number: z.string(),
    type: z.string().optional(),
  }),
  'account-settings': settingsInputSchema
    .extend({ account: z.string() })
    .describe(
      "The account's settings: opt_out, prepaid_balance, trial, verified_numbers, hard_cap, …",
    ),
  'redeliver-callbacks': z
    .literal(true)
    .describe('Sends every callback TeleSign abandoned after its last retry once more.'),
  'callback-url': z
    .strictObject({ account: z.string(), url: z.string().nullable().optional() })
    .describe("Registers the channel's inbound URL (or `url`) as the account's callback URL."),
};

type Shape = { [K in keyof typeof telesignShape]?: z.output<(typeof telesignShape)[K]> };

export async function runTelesignStep(step: Shape, ctx: RunContext): Promise<string | null> {
  const cid = (name: string) => {
    const account = ctx.ids.accounts[name];
    if (!account) throw new StepFailure(`no TeleSign account named "${name}"`);
    return account.customerId;
  };
  const act = async (label: string, method: string, path: string, body?: unknown) => {
    const response = await ctx.telesign.call(method, path, body);
    ctx.lastAction = { step: -1, label, response };
    await ctx.settle();
    return response;
  };
  if (step.delivery) {
    const { handset, ...delivery } = step.delivery;
    await setDelivery(ctx.telesign, phoneOf(ctx, handset), delivery);
    return `carrier: ${delivery.policy} to ${handset}`;
  }
  if (step.fault) {
    const { account, ...fault } = step.fault;
    await act('fault', 'PUT', '/_sim/faults', {
      ...fault,
      ...(account && { customerId: cid(account) }),
    });
    return `fault: ${fault.target} ${fault.kind} ×${fault.count}`;
  }
  if (step['clear-faults']) {
    await act('clear-faults', 'DELETE', '/_sim/faults');
    return 'clear faults';
  }
  if (step['rate-limit']) {
    const s = step['rate-limit'];
    await act('rate-limit', 'PUT', `/_sim/accounts/${cid(s.account)}/rate-limit`, {
      perSecond: s.perSecond,
    });
    return `rate limit ${s.perSecond}/s`;
  }
  if (step['create-account']) {
    const response = await act('create-account', 'POST', '/_sim/accounts', {});
    const body = asRecord(response.body);
    ctx.ids.accounts[step['create-account'].name] = {
      customerId: String(body.customer_id),
      apiKey: String(body.api_key),
    };
    return `create TeleSign account ${step['create-account'].name}`;
  }
  if (step.purchase) {
    const s = step.purchase;
    await act('purchase', 'POST', `/_sim/accounts/${cid(s.account)}/numbers`, {
      number: s.number,
      type: s.type ?? 'long-code',
    });
    return `purchase ${s.number}`;
  }
  if (step['account-settings']) {
    const { account, ...settings } = step['account-settings'];
    await act('account-settings', 'PUT', `/_sim/accounts/${cid(account)}/settings`, settings);
    return `settings of ${account}: ${Object.keys(settings).join(', ')}`;
  }
  if (step['redeliver-callbacks']) {
    const list = await ctx.telesign.call('GET', '/_sim/callbacks/abandoned');
    const ids = Array.isArray(list.body) ? list.body.map((c) => asRecord(c).id) : [];
    for (const id of ids)
      await act('redeliver-callbacks', 'POST', `/_sim/callbacks/${id}/redeliver`);
    return `redeliver ${ids.length} abandoned callback(s)`;
  }
  if (step['callback-url']) {
    const s = step['callback-url'];
    const url = s.url === undefined ? ctx.ids.organisation.inboundUrl : s.url;
    await act('callback-url', 'PUT', `/_sim/accounts/${cid(s.account)}/callback-url`, { url });
    return 'register callback URL';
  }
  return null;
}
