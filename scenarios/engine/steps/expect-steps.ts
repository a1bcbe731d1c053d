// Expectations: what a conversation, a transcript, a handset, an agent, TeleSign's journal or the last action
// must show now (or `within` some virtual time). Each check yields expected and found side by side.
import { renderText, type TextSpec } from '../../text-spec';
import { allPages, INBOUND_SMS } from '../../world/all-pages';
import {
  asRecord,
  conversationId,
  itemsOf,
  listAll,
  lookup,
  phoneOf,
  type RunContext,
  supportNumberOf,
} from '../context';
import { firstDifference, pick } from '../match';
import { isMatcher } from '../matchers';
import { type Check, check, conversationChecks } from './expect-conversation';
import { type Expectation, expectSchema } from './expect-schema';

export { type Check, type Expectation, expectSchema };

export async function evaluate(e: Expectation, ctx: RunContext): Promise<Check[]> {
  const checks: Check[] = await conversationChecks(e, ctx);
  if (e.conversations) checks.push(await countConversations(e.conversations, ctx));
  if (e.inbox) {
    const phone = phoneOf(ctx, e.handset ?? '');
    const answer = asRecord(
      (await ctx.telesign.must('GET', `/_sim/handsets/${phone}/messages`)) as unknown,
    );
    const inbox = itemsOf(answer.inbox);
    checks.push(
      check(
        `handset ${e.handset} inbox`,
        e.inbox.map((t) => (isMatcher(t) ? t : renderText(t as TextSpec))),
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
    const failed = response !== undefined && response.status >= 400;
    const found = {
      error: failed ? (error.code ?? `HTTP ${response.status}`) : 'none',
      status: response?.status ?? null,
      field: error.field ?? null,
      errorMessage: typeof error.message === 'string' ? error.message : null,
    };
    const expected: Record<string, unknown> = {};
    // `any`: some error, whichever (the code is shown when there is none).
    if (e.error !== undefined) expected.error = e.error === 'any' && failed ? found.error : e.error;
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
    const offers = (await listAll(ctx.channel, `/api/agents/${agentId}/offers`)).map((c) => c.id);
    const expected = await Promise.all(
      e.offers.conversations.map((ref) => conversationId(ctx, ref)),
    );
    checks.push(
      check(
        `offers to ${e.offers.agent}`,
        expected.map((id) => aliasOf(ctx, id)),
        offers.map((id) => aliasOf(ctx, id)),
      ),
    );
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
  if (e.workItems) checks.push(await workItemsCheck(e.workItems, ctx));
  if (e.journal) checks.push(await journalCheck(e.journal, ctx));
  if (e.journalCount) {
    const mine = await listAll(ctx.telesign, `/_sim/journal?since=${ctx.journalSeqBefore}`);
    const where = e.journalCount.where ?? {};
    const matching = mine.filter((entry) => firstDifference(where, entry) === null);
    const c = check(
      `TeleSign journal entries like ${JSON.stringify(where)} since the first step`,
      e.journalCount.count,
      matching.length,
    );
    if (c.diff)
      c.found = { count: matching.length, entries: matching.slice(-5).map((m) => pick(where, m)) };
    checks.push(c);
  }
  if (e.inboundEvents) {
    const all = (await allPages(ctx.channel, INBOUND_SMS)).map(asRecord);
    const events = all.slice(ctx.inboundEventsBefore);
    const found = { count: events.length, last: events.at(-1) ?? null, all: events };
    const expected: Record<string, unknown> = {};
    if (e.inboundEvents.count !== undefined) expected.count = e.inboundEvents.count;
    if (e.inboundEvents.last) expected.last = e.inboundEvents.last;
    if (e.inboundEvents.all) expected.all = e.inboundEvents.all;
    checks.push(check('inbound events', expected, found));
  }
  return checks;
}

/** The expected entries must appear in the journal in this order (others may come between). */
async function journalCheck(expected: Record<string, unknown>[], ctx: RunContext): Promise<Check> {
  const entries = await listAll(ctx.telesign, '/_sim/journal');
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

/** The conversation ids as the scenario calls them (aliases), sorted, for order-free comparison. */
const aliasOf = (ctx: RunContext, id: unknown): unknown =>
  [...ctx.aliases.entries()].find(([, v]) => v === id)?.[0] ?? id;

async function workItemsCheck(
  w: NonNullable<Expectation['workItems']>,
  ctx: RunContext,
): Promise<Check> {
  const agentId = lookup(ctx.ids.agents, w.agent, 'agent');
  const items = await listAll(ctx.channel, `/api/agents/${agentId}/work-items`);
  const expected: Record<string, unknown> = {};
  const found: Record<string, unknown> = {};
  for (const state of ['active', 'waiting', 'wrap-up'] as const) {
    const refs = w[state];
    if (!refs) continue;
    const ids = await Promise.all(refs.map((ref) => conversationId(ctx, ref)));
    expected[state] = ids
      .map((id) => aliasOf(ctx, id))
      .map(String)
      .sort();
    found[state] = items
      .filter((c) => c.state === state)
      .map((c) => String(aliasOf(ctx, c.id)))
      .sort();
  }
  return check(`work items of ${w.agent}`, expected, found);
}

async function countConversations(
  q: NonNullable<Expectation['conversations']>,
  ctx: RunContext,
): Promise<Check> {
  const query = q.customer ? `?customerNumber=${phoneOf(ctx, q.customer)}` : '';
  const all = await listAll(ctx.channel, `/api/conversations${query}`);
  const filters: Record<string, unknown> = {};
  if (q.supportNumber) filters.supportNumber = supportNumberOf(ctx, q.supportNumber);
  if (q.workStream) filters.workStreamId = lookup(ctx.ids.workStreams, q.workStream, 'work stream');
  if (q.queue) filters.queueId = lookup(ctx.ids.queues, q.queue, 'queue');
  if (q.agent) filters.agentId = lookup(ctx.ids.agents, q.agent, 'agent');
  if (q.state !== undefined) filters.state = q.state;
  const matching = all.filter((c) => firstDifference(filters, c) === null);
  const { count, ...shown } = q;
  return check(`conversations ${JSON.stringify(shown)}`, count, matching.length);
}
