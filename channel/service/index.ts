// The channel's use cases and their wiring: what channel/index.ts and tests import.
export { type ChannelStore, createStore, type StoreOptions } from '../adapters/store';
export { type ChannelServiceOptions, openChannelService } from './channel-service';
export type * from './contract';
export type * from './telesign-gateway';
