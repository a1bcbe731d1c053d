// The channel's persistence adapter.

export { type ConfigDoc, type Organisation, SCHEMA_VERSION } from './schema';
export { type ChannelStore, createStore, type StoreOptions, type StoreState } from './store';
