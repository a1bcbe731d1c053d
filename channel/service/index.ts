// The channel's use cases and their wiring: what channel/index.ts and tests import.

export { type ChannelServiceOptions, openChannelService } from './channel-service';
export type { ChannelStore, ConfigDoc, StoreState } from './channel-store';
export type * from './contract';
export type * from './telesign-gateway';
