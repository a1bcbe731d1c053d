// Expectations: what a conversation, a transcript, a handset, an agent, TeleSign's journal or the last action
// must show now (or `within` some virtual time). Each check yields expected and found side by side.
import type { z } from 'zod';
import { renderText, type TextSpec } from '../../text-spec';
import { asRecord, conversationId, lookup, nameOf, phoneOf, type RunContext } from '../context';
import { firstDifference, pick } from '../match';
import { type Expectation, expectSchema, type transcriptItem } from './expect-schema';

export { type Expectation, expectSchema };

export interface Check {
  what: string;
  expected: unknown;
  found: unknown;
  /** Where they first differ, or null. */
  diff: { path: string; expected: unknown; found: unknown } | null;
}

const CONVERSATION_KEYS = [
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
  'transcript',
  'message',
  'transitions',
] as const;

const check = (what: string, expected: unknown, found: unknown): Check => ({
  what,
  expected,
  found: pick(expected, found),
  diff: firstDifference(expected, found),
});

const messageView = (m: Record<string, unknown>) => {
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
  };
};

const expectedMessage = (item: z.output<typeof transcriptItem>): Record<string, unknown> => {
  if ('in' in item) return { direction: 'inbound', text: renderText(item.in as TextSpec) };
  if ('out' in item) return { direction: 'outbound', text: renderText(item.out as TextSpec) };
  const { text, ...rest } = item as Record<string, unknown> & { text?: TextSpec };
  const out: Record<string, unknown> = { ...rest };
  delete out.index;
  if (text !== undefined) out.text = renderText(text);
  return out;
};

const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.map(asRecord) : [];

export async function evaluate(e: Expectation, ctx: RunContext): Promise<Check[]> {
  const checks: Check[] = [];
  if (CONVERSATION_KEYS.some((k) => e[k] !== undefined)) {
    const id = await conversationId(ctx, e.conversation);
    const c = asRecord((await ctx.channel.must('GET', `/api/conversations/${id}`)) as unknown);
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
    for (const key of [
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
    ] as const) {
      const nullable =
        key === 'agent' || key === 'contact' || key === 'account' || key === 'linkedKind';
      if (e[key] !== undefined) expected[key] = e[key] === 'none' && nullable ? null : e[key];
    }
    const label = `conversation ${e.conversation ?? '(last)'}`;
    if (Object.keys(expected).length > 0) checks.push(check(label, expected, found));
    if (e.transcript) {
      checks.push(
        check(`${label} transcript`, e.transcript.map(expectedMessage), messages.map(messageView)),
      );
    }
    if (e.message) {
      const index = e.message.index ?? -1;
      checks.push(
        check(
          `${label} message #${index}`,
          expectedMessage(e.message),
          messages.at(index) ? messageView(messages.at(index) ?? {}) : null,
        ),
      );
    }
    if (e.transitions) {
      const transitions = list(c.transitions).map((t) => ({
        from: t.from,
        to: t.to,
        actor: asRecord(t.actor).kind,
        reason: t.reason,
      }));
      checks.push(check(`${label} transitions`, e.transitions, transitions));
    }
  }
  if (e.conversations) {
    const query = e.conversations.customer
      ? `?customerNumber=${phoneOf(ctx, e.conversations.customer)}`
      : '';
    const all = list((await ctx.channel.must('GET', `/api/conversations${query}`)) as unknown);
    const matching = e.conversations.state
      ? all.filter((c) => c.state === e.conversations?.state)
      : all;
    checks.push(
      check(
        `conversations ${JSON.stringify({ ...e.conversations, count: undefined })}`,
        e.conversations.count,
        matching.length,
      ),
    );
  }
  if (e.inbox) {
    const phone = phoneOf(ctx, e.handset ?? '');
    const answer = asRecord(
      (await ctx.telesign.must('GET', `/_sim/handsets/${phone}/messages`)) as unknown,
    );
    const inbox = list(answer.inbox);
    checks.push(
      check(
        `handset ${e.handset} inbox`,
        e.inbox.map((t) => renderText(t)),
        inbox.map((m) => m.text),
      ),
    );
  }
  if (
    e.error !== undefined ||
    e.errorMessage !== undefined ||
    e.status !== undefined ||
    e.field !== undefined
  ) {
    const response = ctx.lastAction?.response;
    const error = asRecord(asRecord(response?.body).error);
    const found = {
      error:
        response && response.status >= 400 ? (error.code ?? `HTTP ${response.status}`) : 'none',
      status: response?.status ?? null,
      field: error.field ?? null,
      errorMessage: typeof error.message === 'string' ? error.message : null,
    };
    const expected: Record<string, unknown> = {};
    if (e.error !== undefined) expected.error = e.error;
    if (e.status !== undefined) expected.status = e.status;
    if (e.field !== undefined) expected.field = e.field;
    const c = check(`last action (${ctx.lastAction?.label ?? 'none'})`, expected, found);
    if (
      !c.diff &&
      e.errorMessage !== undefined &&
      !String(found.errorMessage ?? '').includes(e.errorMessage)
    ) {
      c.diff = {
        path: 'errorMessage',
        expected: `… ${e.errorMessage} …`,
        found: found.errorMessage,
      };
      c.expected = { ...expected, errorMessage: `contains "${e.errorMessage}"` };
      c.found = { ...(c.found as object), errorMessage: found.errorMessage };
    }
    checks.push(c);
  }
  if (e.agentState) {
    const { agent, ...expected } = e.agentState;
    const view = asRecord(
      (await ctx.channel.must(
        'GET',
        `/api/agents/${lookup(ctx.ids.agents, agent, 'agent')}`,
      )) as unknown,
    );
    checks.push(check(`agent ${agent}`, expected, view));
  }
  if (e.offers) {
    const agentId = lookup(ctx.ids.agents, e.offers.agent, 'agent');
    const offers = list(
      (await ctx.channel.must('GET', `/api/agents/${agentId}/offers`)) as unknown,
    ).map((c) => c.id);
    const expected = await Promise.all(
      e.offers.conversations.map((ref) => conversationId(ctx, ref)),
    );
    const alias = (id: unknown) => [...ctx.aliases.entries()].find(([, v]) => v === id)?.[0] ?? id;
    checks.push(check(`offers to ${e.offers.agent}`, expected.map(alias), offers.map(alias)));
  }
  if (e.workStream) {
    const { name, ...expected } = e.workStream;
    const view = await ctx.channel.must(
      'GET',
      `/api/work-streams/${lookup(ctx.ids.workStreams, name, 'work stream')}`,
    );
    checks.push(check(`work stream ${name}`, expected, view));
  }
  if (e.result !== undefined)
    checks.push(
      check(
        `answer of ${ctx.lastAction?.label ?? 'none'}`,
        e.result,
        ctx.lastAction?.response.body,
      ),
    );
  if (e.journal) checks.push(await journalCheck(e.journal, ctx));
  if (e.inboundEvents) {
    const all = list((await ctx.channel.must('GET', '/api/inbound-events')) as unknown);
    const events = all.slice(ctx.inboundEventsBefore);
    const found = { count: events.length, last: events.at(-1) ?? null };
    const expected: Record<string, unknown> = {};
    if (e.inboundEvents.count !== undefined) expected.count = e.inboundEvents.count;
    if (e.inboundEvents.last) expected.last = e.inboundEvents.last;
    checks.push(check('inbound events', expected, found));
  }
  return checks;
}

/** The expected entries must appear in the journal in this order (others may come between). */
async function journalCheck(expected: Record<string, unknown>[], ctx: RunContext): Promise<Check> {
  const body = await ctx.telesign.must('GET', '/_sim/journal');
  const entries = list(Array.isArray(body) ? body : asRecord(body).entries);
  let from = 0;
  for (const [i, wanted] of expected.entries()) {
    const at = entries.findIndex(
      (entry, j) => j >= from && firstDifference(wanted, entry) === null,
    );
    if (at < 0) {
      const near = entries
        .slice(from)
        .map((entry) => pick(wanted, entry))
        .slice(-5);
      return {
        what: 'TeleSign journal',
        expected: wanted,
        found: near,
        diff: { path: `[${i}]`, expected: wanted, found: 'no such entry after the previous one' },
      };
    }
    from = at + 1;
  }
  return { what: 'TeleSign journal', expected, found: 'all present, in order', diff: null };
}
