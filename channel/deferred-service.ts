// A ChannelService usable before its store has loaded: `createChannel` stays synchronous, async use
// cases wait for the load, and a synchronous one called too early says so instead of misbehaving.
import type { ChannelEvent, ChannelService } from './service/contract';

/** The use cases that return a promise: called early, they wait for the store. */
const ASYNC_USE_CASES = new Set<string>([
  'createWorkStream',
  'updateWorkStream',
  'deleteWorkStream',
  'saveSmsSettings',
  'validateApiKey',
  'addNumber',
  'removeNumber',
  'replaceRoutingRules',
  'createQueue',
  'deleteQueue',
  'createContact',
  'updateContact',
  'deleteContact',
  'createAgent',
  'updateAgent',
  'setPresence',
  'accept',
  'reject',
  'pick',
  'send',
  'closeSession',
  'end',
  'release',
  'transfer',
  'reopen',
  'linkContact',
  'receiveCallback',
  'sweep',
  'dispatch',
] satisfies Array<keyof ChannelService>);

export function createDeferredService(opening: Promise<ChannelService>): {
  service: ChannelService;
  ready: Promise<void>;
} {
  let inner: ChannelService | undefined;
  const ready = opening.then((service) => {
    inner = service;
  });
  ready.catch(() => undefined); // reported to whoever awaits `ready`

  const early = new Set<(event: ChannelEvent) => void>();
  const fanOut = (event: ChannelEvent): void => {
    for (const listener of early) listener(event);
  };
  void ready.then(
    () => inner?.subscribe(fanOut),
    () => undefined,
  );

  const service = new Proxy({} as ChannelService, {
    get(_target, name) {
      if (name === 'then') return undefined; // not a thenable
      if (inner) {
        const value: unknown = Reflect.get(inner, name);
        return typeof value === 'function' ? value.bind(inner) : value;
      }
      if (name === 'subscribe') {
        return (listener: (event: ChannelEvent) => void) => {
          early.add(listener);
          return () => early.delete(listener);
        };
      }
      return (...args: unknown[]) => {
        const call = (): unknown => {
          const method = inner ? Reflect.get(inner, name) : undefined;
          if (typeof method !== 'function')
            throw new TypeError(`ChannelService has no ${String(name)}`);
          return method.apply(inner, args);
        };
        if (inner) return call();
        if (name === 'close') return ready.then(call, () => undefined);
        if (typeof name === 'string' && ASYNC_USE_CASES.has(name)) return ready.then(call);
        throw new Error(
          `The channel is still loading its store; await channel.ready before ${String(name)}().`,
        );
      };
    },
  });
  return { service, ready };
}
