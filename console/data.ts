// Reads what the pages show through the two documented HTTP APIs, never through either server's internals.

import { z } from 'zod';
import {
  agentSchema,
  contactSchema,
  conversationSchema,
  customerAccountSchema,
  organisationSchema,
  queueSchema,
  workStreamSchema,
} from './data-schemas';
import { accountSettingsSchema } from './settings-schemas';
import {
  accountSchema,
  clockSchema,
  faultSchema,
  handsetSchema,
  handsetSummarySchema,
  journalEntrySchema,
  numberSchema,
  optOutsSchema,
  telesignMessageSchema,
} from './telesign-schemas';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface DataOptions {
  /** Reaches the channel API; in `npm run sim` the channel app's own `request`. */
  channelFetch: FetchLike;
  /** The fake TeleSign's base URL, as the browser reaches it too. */
  telesignUrl: string;
  telesignFetch?: FetchLike;
  /**
   * The live hub, when there is one: while it runs, reads that change only with the fake's
   * settings (purchased numbers) are kept until it names `telesign`, `admin` or everything — a
   * card refresh then skips 1 + one read per account.
   */
  live?: { running(): boolean; observe(listener: (keys: readonly string[]) => void): () => void };
}

const SETTINGS_KEYS = new Set(['telesign', 'admin', '*']);

export class ConsoleDataError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'ConsoleDataError';
  }
}

async function getJson<S extends z.ZodType>(
  fetchFn: FetchLike,
  url: string,
  path: string,
  schema: S,
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (error) {
    throw new ConsoleDataError(
      path,
      `unreachable (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const text = await response.text();
  if (!response.ok)
    throw new ConsoleDataError(path, `answered ${response.status}: ${text.slice(0, 200)}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConsoleDataError(path, 'answered with something that is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConsoleDataError(
      path,
      `unexpected shape at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}`,
    );
  }
  return parsed.data;
}

/** One list schema per item schema: a new one per read costs zod ~1 ms more on 500 handsets. */
const lists = new WeakMap<z.ZodType, z.ZodType>();
function listOf<S extends z.ZodType>(item: S): z.ZodArray<S> {
  let list = lists.get(item);
  if (!list) {
    list = z.array(item);
    lists.set(item, list);
  }
  return list as z.ZodArray<S>;
}

const pages = new WeakMap<z.ZodType, z.ZodType>();
/** A channel list answer: a plain array, or a page (`{ items, next }`). */
function pageOf<S extends z.ZodType>(item: S) {
  const make = () =>
    z.union([
      listOf(item),
      z.looseObject({ items: listOf(item), next: z.string().nullable().optional() }),
    ]);
  let page = pages.get(item) as ReturnType<typeof make> | undefined;
  if (!page) {
    page = make();
    pages.set(item, page);
  }
  return page;
}

export function createConsoleData(options: DataOptions) {
  const telesignFetch: FetchLike = options.telesignFetch ?? ((input, init) => fetch(input, init));
  const base = options.telesignUrl.replace(/\/$/, '');
  const channel = <S extends z.ZodType>(path: string, schema: S) =>
    getJson(options.channelFetch, `http://channel.local${path}`, path, schema);
  const telesign = <S extends z.ZodType>(path: string, schema: S) =>
    getJson(telesignFetch, `${base}${path}`, path, schema);
  const enc = encodeURIComponent;
  const kept = new Map<string, Promise<unknown>>();
  options.live?.observe((keys) => {
    if (keys.some((key) => SETTINGS_KEYS.has(key))) kept.clear();
  });
  /** `load()` once while the hub runs and nothing it names changed; every time otherwise. */
  const whileUnchanged = <T>(name: string, load: () => Promise<T>): Promise<T> => {
    if (!options.live?.running()) {
      kept.clear();
      return load();
    }
    let value = kept.get(name) as Promise<T> | undefined;
    if (!value) {
      value = load();
      kept.set(name, value);
      // A failed read is not kept.
      value.catch(() => kept.delete(name));
    }
    return value;
  };
  /**
   * Every item of a list, whether the API answers a plain array or pages (`{ items, next }`, `next`
   * a path or a cursor); at most 50 pages, so a runaway cursor cannot hang a page.
   */
  const channelList = async <S extends z.ZodType>(path: string, item: S) => {
    const page = pageOf(item);
    const items: z.output<S>[] = [];
    let next: string | null = path;
    for (let i = 0; next !== null && i < 50; i++) {
      const answer: z.output<typeof page> = await channel(next, page);
      if (Array.isArray(answer)) return [...items, ...answer];
      items.push(...answer.items);
      const cursor: string | null = answer.next ?? null;
      next =
        cursor === null
          ? null
          : cursor.startsWith('/')
            ? cursor
            : `${path}${path.includes('?') ? '&' : '?'}cursor=${enc(cursor)}`;
    }
    return items;
  };

  return {
    telesignUrl: base,
    organisation: () => channel('/api/organisation', organisationSchema),
    workStreams: () => channel('/api/work-streams', listOf(workStreamSchema)),
    queues: () => channel('/api/queues', listOf(queueSchema)),
    contacts: () => channel('/api/contacts', listOf(contactSchema)),
    contact: (id: string) => channel(`/api/contacts/${enc(id)}`, contactSchema),
    accounts: () => channel('/api/accounts', listOf(customerAccountSchema)),
    account: (id: string) => channel(`/api/accounts/${enc(id)}`, customerAccountSchema),
    agents: () => channel('/api/agents', listOf(agentSchema)),
    offers: (agentId: string) =>
      channel(`/api/agents/${enc(agentId)}/offers`, listOf(conversationSchema)),
    workItems: (agentId: string) =>
      channel(`/api/agents/${enc(agentId)}/work-items`, listOf(conversationSchema)),
    conversations: (filter: Record<string, string> = {}) => {
      const query = new URLSearchParams(filter).toString();
      return channelList(`/api/conversations${query ? `?${query}` : ''}`, conversationSchema);
    },
    conversation: (id: string) => channel(`/api/conversations/${enc(id)}`, conversationSchema),
    handsets: () => telesign('/_sim/handsets', listOf(handsetSummarySchema)),
    /** The phones the fake knows (texted or were texted). */
    handsetPhones: async () =>
      new Set((await telesign('/_sim/handsets', listOf(handsetSummarySchema))).map((h) => h.phone)),
    /** A handset's thread; with `limit`, the newest that many of what it sent and received. */
    handset: (phone: string, limit?: number) =>
      telesign(
        `/_sim/handsets/${enc(phone)}/messages${limit ? `?limit=${limit}` : ''}`,
        handsetSchema,
      ),
    /** Every number any account purchased (digits). */
    purchasedNumbers: async () =>
      // Every card shows them: read once while the live hub hears of no purchase or release.
      (
        await whileUnchanged('purchasedNumbers', async () => {
          const accounts = await telesign('/_sim/accounts', listOf(accountSchema));
          const lists = await Promise.all(
            accounts.map((a) =>
              telesign(`/_sim/accounts/${enc(a.customer_id)}/numbers`, listOf(numberSchema)),
            ),
          );
          return lists.flat().map((n) => n.number);
        })
      ).slice(),
    telesignMessages: (filter: { phone_number?: string; limit?: string } = {}) => {
      const query = new URLSearchParams(filter).toString();
      return telesign(`/_sim/messages${query ? `?${query}` : ''}`, listOf(telesignMessageSchema));
    },
    optOuts: (phone: string) => telesign(`/_sim/handsets/${enc(phone)}/opt-outs`, optOutsSchema),
    journal: (limit: number, filter: Record<string, string> = {}) => {
      const query = new URLSearchParams({ ...filter, limit: String(limit) }).toString();
      return telesign(`/_sim/journal?${query}`, listOf(journalEntrySchema));
    },
    journalEntry: (seq: number) => telesign(`/_sim/journal/${seq}`, journalEntrySchema),
    telesignMessage: (referenceId: string) =>
      telesign(`/_sim/messages/${enc(referenceId)}`, telesignMessageSchema),
    faults: () => telesign('/_sim/faults', listOf(faultSchema)),
    /** What the channel made of an inbound SMS (accepted, duplicate, unroutable…); null if it has none. */
    inboundOutcome: async (referenceId: string) => {
      const page = await channel(
        `/api/inbound-events?kind=sms&referenceId=${enc(referenceId)}`,
        z.looseObject({ items: z.array(z.looseObject({ outcome: z.string() })) }),
      );
      return page.items[0]?.outcome ?? null;
    },
    /** The fake's accounts (customer ids only) and each one's settings. */
    telesignAccounts: () => telesign('/_sim/accounts', listOf(accountSchema)),
    accountSettings: (customerId: string) =>
      telesign(`/_sim/accounts/${enc(customerId)}/settings`, accountSettingsSchema),
    clock: () => telesign('/_sim/clock', clockSchema),
  };
}

export type ConsoleData = ReturnType<typeof createConsoleData>;
