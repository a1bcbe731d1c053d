// Expectations about one conversation (or each of several): its fields, transcript, one message,
// transitions and offer history, with times counted from the first step.
import type { z } from 'zod';
import { renderText, type TextSpec } from '../../text-spec';
import { asRecord, conversationId, nameOf, type RunContext } from '../context';
import { CONVERSATION_KEYS } from '../expectation-facts';
import { firstDifference, pick } from '../match';
import { isMatcher } from '../matchers';
import type { Expectation, transcriptItem } from './expect-schema';

export interface Check {
  what: string;
  expected: unknown;
  found: unknown;
  /** Where they first differ, or null. */
  diff: { path: string; expected: unknown; found: unknown } | null;
}

export const check = (what: string, expected: unknown, found: unknown): Check => ({
  what,
  expected,
  found: pick(expected, found),
  diff: firstDifference(expected, found),
});

const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.map(asRecord) : [];

/** ms since the first step (what expectations' times mean), or null. */
const since = (ctx: RunContext, at: unknown): number | null =>
  typeof at === 'number' ? at - ctx.startedAt : null;

const messageView = (ctx: RunContext, m: Record<string, unknown>) => {
  const delivery = asRecord(m.delivery);
  const failure = asRecord(m.failure);
  return {
    direction: m.direction,
    text: m.text,
    truncated: m.truncated,
    chars: m.chars,
    segments: m.segments,
    encoding: m.encoding,
    delivery: m.delivery ? delivery.code : null,
    description: m.delivery ? delivery.description : null,
    explanation: m.delivery ? (delivery.explanation ?? null) : null,
    final: m.delivery ? delivery.final : null,
    failure: m.failure ? failure.code : null,
    referenceId: m.telesignReferenceId ?? null,
    at: since(ctx, m.at),
  };
};

const textOf = (spec: unknown): unknown => (isMatcher(spec) ? spec : renderText(spec as TextSpec));

const expectedMessage = (item: z.output<typeof transcriptItem>): Record<string, unknown> => {
  if ('in' in item) return { direction: 'inbound', text: renderText(item.in as TextSpec) };
  if ('out' in item) return { direction: 'outbound', text: renderText(item.out as TextSpec) };
  const { text, ...rest } = item as Record<string, unknown>;
  const out: Record<string, unknown> = { ...rest };
  delete out.index;
  if (text !== undefined) out.text = textOf(text);
  return out;
};

const SCALAR_KEYS = [
  'state',
  'queue',
  'agent',
  'contact',
  'account',
  'linkedKind',
  'contactMatch',
  'routedBy',
  'resolved',
  'messageCount',
] as const;

/** The checks of `e` about conversations: one set per conversation it names. */
export async function conversationChecks(e: Expectation, ctx: RunContext): Promise<Check[]> {
  if (!CONVERSATION_KEYS.some((k) => e[k] !== undefined)) return [];
  const refs = Array.isArray(e.conversation) ? e.conversation : [e.conversation];
  const checks: Check[] = [];
  for (const ref of refs) checks.push(...(await oneConversation(e, ref, ctx)));
  return checks;
}

async function oneConversation(
  e: Expectation,
  ref: string | undefined,
  ctx: RunContext,
): Promise<Check[]> {
  const checks: Check[] = [];
  const id = await conversationId(ctx, ref);
  const c = asRecord(await ctx.channel.must('GET', `/api/conversations/${id}`));
  const messages = list(c.messages);
  const routed = c.routedBy === 'default' ? 'default' : asRecord(c.routedBy).ruleName;
  const found: Record<string, unknown> = {
    state: c.state,
    queue: nameOf(ctx, c.queueId),
    agent: c.agentId ? nameOf(ctx, c.agentId) : null,
    contact: c.contactId ? nameOf(ctx, c.contactId) : null,
    account: c.accountId ? nameOf(ctx, c.accountId) : null,
    linkedKind: c.linkedKind ?? null,
    contactMatch: c.contactMatch,
    routedBy: routed,
    resolved: c.resolved,
    messageCount: messages.length,
  };
  const expected: Record<string, unknown> = {};
  for (const key of SCALAR_KEYS) {
    const nullable =
      key === 'agent' || key === 'contact' || key === 'account' || key === 'linkedKind';
    if (e[key] !== undefined) expected[key] = e[key] === 'none' && nullable ? null : e[key];
  }
  const label = `conversation ${ref ?? '(last)'}`;
  if (Object.keys(expected).length > 0) checks.push(check(label, expected, found));
  if (e.transcript) {
    checks.push(
      check(
        `${label} transcript`,
        e.transcript.map(expectedMessage),
        messages.map((m) => messageView(ctx, m)),
      ),
    );
  }
  if (e.message) {
    const index = e.message.index ?? -1;
    const at = messages.at(index);
    checks.push(
      check(
        `${label} message #${index}`,
        expectedMessage(e.message),
        at ? messageView(ctx, at) : null,
      ),
    );
  }
  if (e.transitions) {
    const transitions = list(c.transitions).map((t) => ({
      from: t.from,
      to: t.to,
      actor: asRecord(t.actor).kind,
      reason: t.reason,
      at: since(ctx, t.at),
    }));
    checks.push(
      check(`${label} transitions (times since the first step, ms)`, e.transitions, transitions),
    );
  }
  if (e.offerHistory) {
    const offers = list(c.offers).map((o) => ({
      agent: nameOf(ctx, o.agentId),
      outcome: o.outcome,
      offeredAt: since(ctx, o.offeredAt),
      endedAt: since(ctx, o.endedAt),
    }));
    checks.push(
      check(`${label} offer history (times since the first step, ms)`, e.offerHistory, offers),
    );
  }
  return checks;
}
