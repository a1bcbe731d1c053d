import { describe, expect, it } from 'vitest';
import { createDeferredService } from './deferred-service';
import type { ChannelEvent, ChannelService } from './service/contract';

function fakeService(listeners: Array<(event: ChannelEvent) => void>): ChannelService {
  return {
    listQueues: () => [{ id: 'q1', name: 'Default queue', isDefault: true }],
    createQueue: async (input: { name: string }) => ({
      id: 'q2',
      name: input.name,
      isDefault: false,
    }),
    subscribe: (listener: (event: ChannelEvent) => void) => {
      listeners.push(listener);
      return () => undefined;
    },
  } as Partial<ChannelService> as ChannelService;
}

describe('the deferred channel service', () => {
  it('makes an asynchronous use case called before the load wait for it', async () => {
    let open: (service: ChannelService) => void = () => undefined;
    const { service } = createDeferredService(new Promise((resolve) => (open = resolve)));
    const created = service.createQueue({ name: 'Gold' });
    open(fakeService([]));
    await expect(created).resolves.toMatchObject({ id: 'q2', name: 'Gold' });
  });

  it('refuses a synchronous read before the load, saying what to await', () => {
    const { service } = createDeferredService(new Promise(() => undefined));
    expect(() => service.listQueues()).toThrow(
      'The channel is still loading its store; await channel.ready before listQueues().',
    );
  });

  it('forwards everything once loaded', async () => {
    const { service, ready } = createDeferredService(Promise.resolve(fakeService([])));
    await ready;
    expect(service.listQueues()).toHaveLength(1);
  });

  it('delivers events to a listener that subscribed before the load', async () => {
    const listeners: Array<(event: ChannelEvent) => void> = [];
    const { service, ready } = createDeferredService(Promise.resolve(fakeService(listeners)));
    const seen: string[] = [];
    service.subscribe((event) => seen.push(event.type));
    await ready;
    await Promise.resolve();
    for (const listener of listeners)
      listener({ type: 'admin.changed', resource: 'queues', at: 1 });
    expect(seen).toEqual(['admin.changed']);
  });
});
