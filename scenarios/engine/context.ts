// What every step driver shares while a scenario runs: both API clients, the clock, names → ids,
// conversation aliases and the outcome of the last action.
import type { ManualClock } from '../../lib/clock';
import { allPages } from '../world/all-pages';
import type { WorldIds } from '../world/apply-world';
import type { ApiClient, ApiResponse } from '../world/http-client';

export interface LastAction {
  step: number;
  label: string;
  response: ApiResponse;
}

export interface RunContext {
  channel: ApiClient;
  telesign: ApiClient;
  clock: ManualClock;
  ids: WorldIds;
  /** Conversation aliases (`as:`) → conversation id. */
  aliases: Map<string, string>;
  /** The conversation the last step touched: what a step means when it names none. */
  lastConversationId: string | undefined;
  lastAction: LastAction | undefined;
  /** Inbound events recorded while the world was built (key validation loop-backs): not the scenario's. */
  inboundEventsBefore: number;
  /** Virtual time the first step ran at: expectations' times count from here. */
  startedAt: number;
  /** TeleSign journal entries up to this sequence number were the world's, not the scenario's. */
  journalSeqBefore: number;
  /** Lets all due work (callbacks, reports, offers) run before the next step looks. */
  settle(): Promise<void>;
}

export class StepFailure extends Error {
  readonly expected: unknown;
  readonly found: unknown;
  constructor(message: string, expected?: unknown, found?: unknown) {
    super(message);
    this.name = 'StepFailure';
    this.expected = expected;
    this.found = found;
  }
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

export { asRecord };

/**
 * The items of a list answer, whether a plain array or a page (`{ items }`, `{ entries }`): the one
 * place that knows the shape of list answers, so a change to it is one edit.
 */
export function itemsOf(body: unknown): Record<string, unknown>[] {
  const items = Array.isArray(body)
    ? body
    : (asRecord(body).items ?? asRecord(body).entries ?? asRecord(body).data);
  return Array.isArray(items) ? items.map(asRecord) : [];
}

/** Every item of a list endpoint, following `next` page links when the answer is paged. */
export async function listAll(client: ApiClient, path: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let next: string | undefined = path;
  for (let page = 0; next && page < 1000; page++) {
    const body = await client.must('GET', next);
    out.push(...itemsOf(body));
    const cursor = Array.isArray(body) ? undefined : asRecord(body).next;
    if (typeof cursor !== 'string' || !cursor) break;
    next = cursor.startsWith('/')
      ? cursor
      : `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;
  }
  return out;
}

/** An id from a name of the world (or an id already), failing with the names it knows. */
export function lookup(table: Record<string, string>, name: string, what: string): string {
  const id = table[name];
  if (id !== undefined) return id;
  if (Object.values(table).includes(name)) return name;
  throw new StepFailure(
    `no ${what} named "${name}" (known: ${Object.keys(table).join(', ') || 'none'})`,
  );
}

/** A customer phone in TeleSign form (digits) from a contact name, a handset number or a `+` number. */
export function phoneOf(ctx: RunContext, who: string): string {
  const fromContact = ctx.ids.phones[who];
  if (fromContact) return fromContact;
  if (/^\+?\d{5,15}$/.test(who)) return who.replace(/^\+/, '');
  throw new StepFailure(`"${who}" is neither a contact of the world nor a phone number`);
}

/** A support number from a work stream name, or a number as is. */
export function supportNumberOf(ctx: RunContext, to: string): string {
  const number = ctx.ids.numbers[to];
  if (number) return number;
  if (/^\d{3,15}$/.test(to)) return to;
  throw new StepFailure(`"${to}" is neither a work stream with a number nor a number`);
}

/** Finds the conversation a step means: an alias, a customer (their latest conversation), or the last one touched. */
export async function conversationId(ctx: RunContext, ref: string | undefined): Promise<string> {
  if (ref === undefined) {
    if (!ctx.lastConversationId)
      throw new StepFailure('no conversation yet: name one with `conversation:`');
    return ctx.lastConversationId;
  }
  const aliased = ctx.aliases.get(ref);
  if (aliased) return aliased;
  let phone: string;
  try {
    phone = phoneOf(ctx, ref);
  } catch {
    if (/^cv_|^[a-z]+_[0-9a-f]+$/.test(ref)) return ref;
    throw new StepFailure(
      `no conversation alias "${ref}" (known: ${[...ctx.aliases.keys()].join(', ') || 'none'})`,
    );
  }
  const conversations = (
    await allPages(ctx.channel, `/api/conversations?customerNumber=${phone}`)
  ).map(asRecord);
  const latest = latestOf(conversations);
  if (!latest) throw new StepFailure(`customer "${ref}" (${phone}) has no conversation`);
  return String(latest.id);
}

/** The most recently created conversation; on equal times the later one in the list. */
export function latestOf(
  conversations: Record<string, unknown>[],
): Record<string, unknown> | undefined {
  let best: Record<string, unknown> | undefined;
  for (const c of conversations)
    if (!best || Number(c.createdAt) >= Number(best.createdAt)) best = c;
  return best;
}

/** The world name of an id (queue, agent, contact, account, work stream), or the id itself. */
export function nameOf(ctx: RunContext, id: unknown): unknown {
  if (typeof id !== 'string') return id ?? null;
  if (id === ctx.ids.queues.default) return 'default';
  const tables = [
    ctx.ids.queues,
    ctx.ids.agents,
    ctx.ids.contacts,
    ctx.ids.customerAccounts,
    ctx.ids.workStreams,
  ];
  for (const table of tables) {
    for (const [name, value] of Object.entries(table))
      if (value === id && name !== 'default') return name;
  }
  if (id === ctx.ids.queues.default) return 'default';
  return id;
}
