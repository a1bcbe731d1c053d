// Customer-side steps: a handset texts a support number, or a raw (possibly forged) TeleSign callback arrives.
import { z } from 'zod';
import { callbackAuthHeaders, hmacSignature } from '../../../lib/telesign-signing';
import { renderText, type TextSpec, textSpecSchema } from '../../text-spec';
import { allPages } from '../../world/all-pages';
import {
  asRecord,
  conversationId,
  latestOf,
  phoneOf,
  type RunContext,
  StepFailure,
  supportNumberOf,
} from '../context';

const signatureSchema = z.enum(['valid', 'forged', 'none', 'malformed']).default('valid');

export const customerShape = {
  /** A customer's handset texts a support number through the fake TeleSign. */
  text: z.strictObject({
    from: z.string().min(1),
    to: z.string().min(1),
    text: textSpecSchema,
    as: z
      .string()
      .min(1)
      .optional()
      .describe('Names the conversation this text lands in, for later steps.'),
  }),
  /** A TeleSign inbound-SMS callback posted straight to the channel's inbound URL. */
  inbound: z.strictObject({
    from: z.string().min(1),
    to: z.string().min(1),
    text: textSpecSchema,
    referenceId: z
      .string()
      .regex(/^[0-9A-F]{32}$/)
      .optional(),
    signature: signatureSchema,
    account: z
      .string()
      .optional()
      .describe("Which account's key signs it (default: the first account)."),
    times: z
      .number()
      .int()
      .min(1)
      .max(10)
      .default(1)
      .describe('Post the same body this many times (a TeleSign retry).'),
    token: z
      .string()
      .min(1)
      .optional()
      .describe("Replace the inbound URL's secret token (a guessed or stale URL)."),
    as: z.string().min(1).optional(),
  }),
  /** A TeleSign delivery report posted straight to the channel, for a message the agent sent. */
  'delivery-report': z.strictObject({
    conversation: z.string().optional(),
    index: z
      .number()
      .int()
      .optional()
      .describe('Which message of the transcript (default: the last outbound one).'),
    code: z.number().int(),
    description: z.string().optional(),
    signature: signatureSchema,
    times: z.number().int().min(1).max(10).default(1),
  }),
};

type Shape = { [K in keyof typeof customerShape]?: z.output<(typeof customerShape)[K]> };

const pathOf = (url: string): string => {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
};

function accountFor(
  ctx: RunContext,
  name: string | undefined,
): { customerId: string; apiKey: string } {
  const accounts = Object.entries(ctx.ids.accounts);
  const found = name ? ctx.ids.accounts[name] : accounts[0]?.[1];
  if (!found)
    throw new StepFailure(`no TeleSign account ${name ? `named "${name}"` : 'in the world'}`);
  return found;
}

function signedHeaders(
  signature: 'valid' | 'forged' | 'none' | 'malformed',
  account: { customerId: string; apiKey: string },
  body: string,
): Record<string, string> {
  if (signature === 'none') return {};
  if (signature === 'malformed') return { Authorization: 'Bearer nothing-like-tsa' };
  if (signature === 'forged') {
    const wrongKey = Buffer.from('not the key of this account').toString('base64');
    return { Authorization: `TSA ${account.customerId}:${hmacSignature(wrongKey, body)}` };
  }
  return callbackAuthHeaders(account.customerId, account.apiKey, body);
}

async function rememberConversation(
  ctx: RunContext,
  phone: string,
  support: string,
  as?: string,
): Promise<void> {
  const all = (await allPages(ctx.channel, `/api/conversations?customerNumber=${phone}`)).map(
    asRecord,
  );
  const latest = latestOf(all.filter((c) => c.supportNumber === support));
  if (!latest) return;
  ctx.lastConversationId = String(latest.id);
  if (as) ctx.aliases.set(as, String(latest.id));
}

let referenceCounter = 0;
const nextReference = (ctx: RunContext): string =>
  `${(ctx.clock.now() + referenceCounter++).toString(16).toUpperCase().padStart(32, '0')}`.slice(
    -32,
  );

export async function runCustomerStep(step: Shape, ctx: RunContext): Promise<string | null> {
  if (step.text) {
    const { from, to, text, as } = step.text;
    const phone = phoneOf(ctx, from);
    const support = supportNumberOf(ctx, to);
    const response = await ctx.telesign.call('POST', `/_sim/handsets/${phone}/messages`, {
      to: support,
      text: renderText(text),
    });
    ctx.lastAction = { step: -1, label: 'text', response };
    await ctx.settle();
    await rememberConversation(ctx, phone, support, as);
    return `customer ${from} texts ${to}`;
  }
  if (step.inbound) {
    const s = step.inbound;
    const phone = phoneOf(ctx, s.from);
    const support = supportNumberOf(ctx, s.to);
    const account = accountFor(ctx, s.account);
    const body = JSON.stringify({
      reference_id: s.referenceId ?? nextReference(ctx),
      sub_resource: 'mo_sms',
      errors: [],
      submit_timestamp: new Date(ctx.clock.now()).toISOString(),
      status: {
        code: 1500,
        description: 'Delivered to customer',
        updated_on: new Date(ctx.clock.now()).toISOString(),
      },
      user_response: {
        phone_number: phone,
        sender_id: support,
        mo_message: renderText(s.text as TextSpec),
      },
    });
    const headers = {
      'content-type': 'application/json',
      ...signedHeaders(s.signature, account, body),
    };
    const path = pathOf(ctx.ids.organisation.inboundUrl);
    const target = s.token ? path.replace(/[^/]+$/, s.token) : path;
    for (let i = 0; i < s.times; i++) {
      const response = await ctx.channel.call('POST', target, body, headers);
      ctx.lastAction = { step: -1, label: 'inbound', response };
    }
    await ctx.settle();
    await rememberConversation(ctx, phone, support, s.as);
    return `inbound callback from ${s.from} (${s.signature})`;
  }
  if (step['delivery-report']) {
    const s = step['delivery-report'];
    const id = await conversationId(ctx, s.conversation);
    const conversation = asRecord(
      (await ctx.channel.must('GET', `/api/conversations/${id}`)) as unknown,
    );
    const messages = (Array.isArray(conversation.messages) ? conversation.messages : []).map(
      asRecord,
    );
    const outbound = messages.filter((m) => m.direction === 'outbound');
    const message = s.index === undefined ? outbound.at(-1) : messages.at(s.index);
    if (!message?.telesignReferenceId)
      throw new StepFailure('no sent message with a TeleSign reference id to report on');
    const account = accountFor(ctx, undefined);
    const now = new Date(ctx.clock.now()).toISOString();
    const body = JSON.stringify({
      reference_id: message.telesignReferenceId,
      external_id: message.id,
      sub_resource: 'sms',
      errors: [],
      status: { code: s.code, description: s.description ?? `status ${s.code}`, updated_on: now },
    });
    const headers = {
      'content-type': 'application/json',
      ...signedHeaders(s.signature, account, body),
    };
    for (let i = 0; i < s.times; i++) {
      const response = await ctx.channel.call(
        'POST',
        pathOf(ctx.ids.organisation.inboundUrl),
        body,
        headers,
      );
      ctx.lastAction = { step: -1, label: 'delivery-report', response };
    }
    await ctx.settle();
    ctx.lastConversationId = id;
    return `delivery report ${s.code}`;
  }
  return null;
}
