// The channel's live event bus: subscribers see every ChannelEvent; a failing subscriber never breaks a use case.
import type { ChannelEvent } from './contract';

export interface EventBus {
  emit(event: ChannelEvent): void;
  subscribe(listener: (event: ChannelEvent) => void): () => void;
}

export function createEventBus(
  onListenerError: (error: unknown) => void = () => undefined,
): EventBus {
  const listeners = new Set<(event: ChannelEvent) => void>();
  return {
    emit(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
