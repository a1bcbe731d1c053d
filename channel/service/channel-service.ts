// Builds the ChannelService from its use cases over one shared context, with injected time, ids, store and gateway.
import { type Clock, createRealClock } from '../../lib/clock';
import { createRandomIds, type Ids } from '../../lib/ids';
import { isLive } from '../domain/conversation-state';
import type { Conversation } from '../domain/model';
import { accountUseCases } from './admin-accounts';
import { peopleUseCases } from './admin-people';
import { routingUseCases } from './admin-routing';
import { workStreamUseCases } from './admin-work-streams';
import { agentUseCases } from './agent-actions';
import { sweep } from './auto-close-sweep';
import type { ChannelStore, StoredInboundEvent } from './channel-store';
import { findConversation, pairKey, type ServiceContext } from './context';
import type { ChannelService } from './contract';
import { dispatchAll, restoreOfferTimers } from './dispatch';
import { createEventBus } from './events';
import { receiveCallback } from './inbound';
import { send } from './outbound';
import { decodeCursor, firstPage, type PageKey, paginate } from './paging';
import { createAccountIndex, createContactIndex, createE164Memo } from './phone-index';
import { createSweepSchedule, NO_SWEEP_SCHEDULE } from './sweep-schedule';
import type { TeleSignGateway } from './telesign-gateway';
import { conversationView, inboundUrl } from './views';

export interface ChannelServiceOptions {
  /** A store whose load() has finished (see openChannelService). */
  store: ChannelStore;
  gateway: TeleSignGateway;
  /** The channel's public base URL, e.g. `http://127.0.0.1:4020`; read when the inbound URL is shown. */
  inboundBaseUrl: () => string;
  clock?: Clock;
  ids?: Ids;
  /** Interval of the periodic auto-close sweep (default 60 s; 0 turns it off). */
  sweepIntervalMs?: number;
  /** Called when a periodic task fails; the service keeps running. */
  onError?: (error: unknown) => void;
}

/** Creates the first organisation and its default queue when the store is empty (R-WS-4, R-RT-4). */
function initialise(ctx: ServiceContext): boolean {
  const config = ctx.state.config;
  let created = false;
  if (!config.organisation) {
    config.organisation = { id: ctx.ids.id('org'), token: ctx.ids.token() };
    created = true;
  }
  if (!config.queues.some((q) => q.isDefault)) {
    config.queues.unshift({ id: ctx.ids.id('q'), name: 'Default queue', isDefault: true });
    created = true;
  }
  return created;
}

/** Loads the store, creates the service, and offers what waited while the channel was down. */
export async function openChannelService(options: ChannelServiceOptions): Promise<ChannelService> {
  await options.store.load();
  const service = createChannelService(options);
  await service.dispatch();
  return service;
}

export function createChannelService(options: ChannelServiceOptions): ChannelService {
  const state = options.store.state();
  const bus = createEventBus(options.onError);
  const clock = options.clock ?? createRealClock();
  const onError = options.onError ?? ((error: unknown) => console.error('[channel]', error));
  const e164 = createE164Memo();
  const ctx: ServiceContext = {
    state,
    store: options.store,
    clock,
    ids: options.ids ?? createRandomIds(),
    gateway: options.gateway,
    inboundBaseUrl: options.inboundBaseUrl,
    offerTimers: new Map(),
    live: new Map(),
    liveByPair: new Map(),
    e164,
    contactsByPhone: createContactIndex(() => state.config.contacts, e164),
    accountsByPhone: createAccountIndex(() => state.config.accounts, e164),
    inboundInFlight: new Map(),
    emit: (event) => bus.emit(event),
    dispatchAll: () => dispatchAll(ctx),
    sweeps: NO_SWEEP_SCHEDULE,
  };
  const byAge = [...state.conversations.values()].sort(
    (a: Conversation, b: Conversation) => a.createdAt - b.createdAt,
  );
  for (const conversation of byAge) {
    if (!isLive(conversation.state)) continue;
    ctx.live.set(conversation.id, conversation);
    const key = pairKey(conversation.customerNumber, conversation.supportNumber);
    const holder = ctx.live.get(ctx.liveByPair.get(key) ?? '');
    if (!holder || holder.state === 'wrap-up') ctx.liveByPair.set(key, conversation.id);
  }

  const pending: Promise<unknown>[] = [];
  if (initialise(ctx)) pending.push(options.store.saveConfig().catch(onError));
  restoreOfferTimers(ctx);
  const interval = options.sweepIntervalMs ?? 60_000;
  if (interval > 0) {
    ctx.sweeps = createSweepSchedule(ctx, {
      clock,
      intervalMs: interval,
      sweep: () => sweep(ctx).catch(onError),
    });
    ctx.sweeps.replan();
  }

  return {
    organisation: () => {
      const organisation = state.config.organisation;
      if (!organisation) throw new Error('The organisation is not initialised.');
      return { id: organisation.id, inboundUrl: inboundUrl(ctx) };
    },
    ...workStreamUseCases(ctx),
    ...routingUseCases(ctx),
    ...peopleUseCases(ctx),
    ...accountUseCases(ctx),
    ...agentUseCases(ctx),
    send: (agentId, conversationId, text) => send(ctx, agentId, conversationId, text),
    // In creation order, as before conversations could be stored on disk.
    listConversations: (filter = {}) =>
      [...options.store.conversations(filter)]
        .sort((a, b) => a.seq - b.seq)
        .map((stored) => conversationView(ctx, stored.conversation())),
    // A conversation's place in creation order breaks ties of the same ms. Only the page's
    // conversations are read (from disk, for Closed ones the store holds there).
    findConversations: ({ cursor, limit, ...filter }) =>
      paginate(
        options.store.conversations(filter),
        (stored) => [stored.createdAt, String(stored.seq).padStart(12, '0')],
        { cursor, limit },
        (stored) => conversationView(ctx, stored.conversation()),
      ),
    getConversation: (id) => conversationView(ctx, findConversation(ctx, id)),
    receiveCallback: (request) => receiveCallback(ctx, request),
    listInboundEvents: () =>
      [...options.store.inboundEvents({})].map((stored) => structuredClone(stored.event())),
    // The log is append-only: an event's position breaks ties between events of the same ms. Only
    // the page's events are read (from disk, for those the store holds there); while times never
    // went back, the page is read newest first from the cursor's position and stops.
    findInboundEvents: ({ cursor, limit, ...filter }) => {
      const keyOf = (stored: StoredInboundEvent): PageKey => [
        stored.receivedAt,
        String(stored.position).padStart(12, '0'),
      ];
      const view = (stored: StoredInboundEvent) => structuredClone(stored.event());
      const before = cursor === undefined ? undefined : Number(decodeCursor(cursor)[1]);
      const newest =
        before === undefined || Number.isSafeInteger(before)
          ? options.store.newestInboundEvents(filter, before)
          : undefined;
      return newest
        ? firstPage(newest, keyOf, limit, view)
        : paginate(options.store.inboundEvents(filter), keyOf, { cursor, limit }, view);
    },
    sweep: () => sweep(ctx),
    dispatch: () => dispatchAll(ctx),
    subscribe: (listener) => bus.subscribe(listener),
    async close() {
      ctx.sweeps.stop();
      for (const handle of ctx.offerTimers.values()) clock.cancel(handle);
      ctx.offerTimers.clear();
      await Promise.all(pending);
      await options.store.close();
    },
  };
}
