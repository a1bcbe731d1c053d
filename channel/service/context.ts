// What every use case shares: the loaded state, injected time, ids and gateway, persistence and events.
import type { Clock, TimerHandle } from '../../lib/clock';
import type { Ids } from '../../lib/ids';
import type { AgentLoad } from '../domain/assignment';
import { holdsCapacity } from '../domain/assignment';
import { ChannelError } from '../domain/errors';
import type {
  Account,
  Agent,
  Contact,
  Conversation,
  Message,
  Queue,
  WorkStream,
} from '../domain/model';
import type { ChannelStore, StoreState } from './channel-store';
import type { ChannelEvent, InboundResult } from './contract';
import type { AccountIndex, ContactIndex } from './phone-index';
import type { SweepSchedule } from './sweep-schedule';
import type { TeleSignGateway } from './telesign-gateway';

export interface ServiceContext {
  state: StoreState;
  store: ChannelStore;
  clock: Clock;
  ids: Ids;
  gateway: TeleSignGateway;
  inboundBaseUrl: () => string;
  /** Pending offer timers by conversation id. */
  offerTimers: Map<string, TimerHandle>;
  /** Live (not Closed) conversations by id: kept apart so work does not grow with history. */
  live: Map<string, Conversation>;
  /** Live conversation id by `<customer>:<support>` (R-CV-2). */
  liveByPair: Map<string, string>;
  /** A phone as E.164, remembered (libphonenumber parses are the inbound path's costliest step). */
  e164: (phone: string | undefined) => string | null;
  /** Active contacts by E.164 mobile phone; admin changes to contacts call `invalidate()`. */
  contactsByPhone: ContactIndex;
  /** Active accounts by E.164 main phone; admin changes to accounts call `invalidate()`. */
  accountsByPhone: AccountIndex;
  /** Inbound SMS being stored, by TeleSign reference id: a concurrent retry waits for the first. */
  inboundInFlight: Map<string, Promise<InboundResult>>;
  emit(event: ChannelEvent): void;
  /** Set by the dispatch module: offers Open push conversations to eligible agents. */
  dispatchAll(): Promise<void>;
  /** When the auto-close sweep runs next; told of every stored conversation. */
  sweeps: SweepSchedule;
}

export const pairKey = (customerNumber: string, supportNumber: string): string =>
  `${customerNumber}:${supportNumber}`;

export function now(ctx: ServiceContext): number {
  return ctx.clock.now();
}

/** Stores the conversation and keeps the live indexes in step. */
export async function saveConversation(
  ctx: ServiceContext,
  conversation: Conversation,
): Promise<Conversation> {
  const key = pairKey(conversation.customerNumber, conversation.supportNumber);
  if (conversation.state === 'closed') {
    ctx.live.delete(conversation.id);
    if (ctx.liveByPair.get(key) === conversation.id) ctx.liveByPair.delete(key);
  } else {
    ctx.live.set(conversation.id, conversation);
    // A Wrap-up conversation is left as it is when a new one opens for the same pair (R-CV-2).
    const current = ctx.liveByPair.get(key);
    const holder = current ? ctx.live.get(current) : undefined;
    if (!holder || holder.id === conversation.id || holder.state === 'wrap-up')
      ctx.liveByPair.set(key, conversation.id);
  }
  ctx.sweeps.conversationSaved(conversation);
  await ctx.store.saveConversation(conversation);
  return conversation;
}

/** Stores the message; the store finds it by id and TeleSign reference id from then on. */
export async function saveMessage(ctx: ServiceContext, message: Message): Promise<Message> {
  await ctx.store.saveMessage(message);
  return message;
}

function notFound(kind: string, id: string, field?: string): ChannelError {
  return new ChannelError('NOT_FOUND', {
    message: `No ${kind} with id ${id}.`,
    ...(field ? { field } : {}),
  });
}

export function findWorkStream(ctx: ServiceContext, id: string): WorkStream {
  const found = ctx.state.config.workStreams.find((w) => w.id === id);
  if (!found) throw notFound('work stream', id);
  return found;
}

export function findAgent(ctx: ServiceContext, id: string, field?: string): Agent {
  const found = ctx.state.config.agents.find((a) => a.id === id);
  if (!found) throw notFound('agent', id, field);
  return found;
}

export function findContact(ctx: ServiceContext, id: string, field?: string): Contact {
  const found = ctx.state.config.contacts.find((c) => c.id === id);
  if (!found) throw notFound('contact', id, field);
  return found;
}

export function findAccount(ctx: ServiceContext, id: string, field?: string): Account {
  const found = ctx.state.config.accounts.find((a) => a.id === id);
  if (!found) throw notFound('account', id, field);
  return found;
}

export function findQueue(ctx: ServiceContext, id: string, field?: string): Queue {
  const found = ctx.state.config.queues.find((q) => q.id === id);
  if (!found) throw notFound('queue', id, field);
  return found;
}

export function findConversation(ctx: ServiceContext, id: string): Conversation {
  const found = ctx.live.get(id) ?? ctx.store.conversation(id);
  if (!found) throw notFound('conversation', id);
  return found;
}

export function defaultQueue(ctx: ServiceContext): Queue {
  const found = ctx.state.config.queues.find((q) => q.isDefault);
  if (!found) throw new Error('The organisation has no default queue.');
  return found;
}

/** Capacity held by the agent's Active and Wrap-up conversations (R-AG-5), and its Active count. */
export function agentLoad(ctx: ServiceContext, agentId: string): AgentLoad {
  let usedCapacity = 0;
  let activeConversations = 0;
  for (const conversation of ctx.live.values()) {
    if (conversation.agentId !== agentId || !holdsCapacity(conversation.state)) continue;
    const workStream = ctx.state.config.workStreams.find((w) => w.id === conversation.workStreamId);
    usedCapacity += workStream?.capacityUnits ?? 0;
    if (conversation.state === 'active') activeConversations++;
  }
  return { usedCapacity, activeConversations };
}

/** The agent who may act on a held conversation (R-CV-5). */
export function requireHolder(conversation: Conversation, agentId: string): void {
  if (conversation.state === 'closed') throw new ChannelError('CONVERSATION_CLOSED');
  if (conversation.agentId !== agentId)
    throw new ChannelError('NOT_CONVERSATION_AGENT', {
      field: 'agentId',
      message: `Only the agent who holds conversation ${conversation.id} can do this; agent ${agentId} does not.`,
    });
}

export function cancelOfferTimer(ctx: ServiceContext, conversationId: string): void {
  const handle = ctx.offerTimers.get(conversationId);
  if (handle) ctx.clock.cancel(handle);
  ctx.offerTimers.delete(conversationId);
}
