// Live channel events as server-sent events, for the console and logs.
import { streamSSE } from 'hono/streaming';
import type { ChannelService } from '../service/contract';
import { type Route, route } from './route';

/** Open event streams, so closing the channel can end them (else the server never closes). */
export interface StreamRegistry {
  add(close: () => void): () => void;
  closeAll(): void;
}

export function createStreamRegistry(): StreamRegistry {
  const open = new Set<() => void>();
  return {
    add(close) {
      open.add(close);
      return () => open.delete(close);
    },
    closeAll() {
      for (const close of [...open]) close();
      open.clear();
    },
  };
}

/** Events a reader may fall behind by before it is dropped. */
export const SSE_BACKLOG_LIMIT = 1_000;

export function eventRoutes(service: ChannelService, streams: StreamRegistry): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/events',
      tag: 'events',
      summary: 'Server-sent events: one `ChannelEvent` per message, named by its type',
      response: {
        kind: 'event-stream',
        description:
          'Server-sent events: a `ready` event, then one event per change, named by its `type`, whose data is the event as JSON.',
      },
      errors: [],
      handle: ({ c }) =>
        streamSSE(c, async (stream) => {
          let id = 0;
          const ended = new Promise<void>((resolve) => {
            const forget = streams.add(resolve);
            stream.onAbort(() => {
              forget();
              resolve();
            });
          });
          let pending = 0;
          const unsubscribe = service.subscribe((event) => {
            // A reader this far behind is dropped (EventSource reconnects): no unbounded buffer.
            if (pending >= SSE_BACKLOG_LIMIT) {
              stream.abort();
              return;
            }
            pending++;
            // A client gone mid-write must not become an unhandled rejection.
            stream
              .writeSSE({ event: event.type, data: JSON.stringify(event), id: String(id++) })
              .catch(() => undefined)
              .finally(() => {
                pending--;
              });
          });
          await stream.writeSSE({ event: 'ready', data: '{}' });
          await ended;
          unsubscribe();
        }),
    }),
  ];
}
