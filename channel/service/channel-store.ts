// The service's persistence port: what the use cases need from storage, declared beside the
// TeleSign gateway port. Adapters implement it (channel/adapters/store: lowdb and a journal, or
// memory); the service never imports an adapter.

import type {
  Account,
  Agent,
  Contact,
  Conversation,
  InboundEvent,
  Message,
  Queue,
  WorkStream,
} from '../domain/model';
import type { ConversationFilter, InboundEventFilter } from './contract';

export type { ConversationFilter, InboundEventFilter } from './contract';

/** A conversation as the store lists it: where it sorts, and the conversation, read when asked. */
export interface StoredConversation {
  /** Its place in creation order (0, 1, 2 …): breaks ties of the same millisecond. */
  seq: number;
  createdAt: number;
  conversation(): Conversation;
}

/** An inbound event as the store lists it: where it sorts, and the event, read when asked. */
export interface StoredInboundEvent {
  /** Its place in the whole log, oldest first (0, 1, 2 …): breaks ties of the same millisecond. */
  position: number;
  receivedAt: number;
  event(): InboundEvent;
}

export interface Organisation {
  id: string;
  /** The random part of the TeleSign inbound URL (R-WS-4). */
  token: string;
}

/** Configuration and small state: kept in one lowdb JSON document. */
export interface ConfigDoc {
  schemaVersion: number;
  organisation: Organisation | null;
  workStreams: WorkStream[];
  queues: Queue[];
  contacts: Contact[];
  /** Since schema 2 (R-RT-1 as amended). */
  accounts: Account[];
  agents: Agent[];
}

/**
 * What the store holds in memory. Messages of closed conversations leave it for the store's history
 * at compaction: read them through `transcript`, `message` and `messageByReference`, not here.
 */
export interface StoreState {
  config: ConfigDoc;
  /** Conversations held in memory: all but those Closed at the last compaction (see `conversation`). */
  conversations: Map<string, Conversation>;
  /** Messages held in memory: those of live conversations, and any saved since the last compaction. */
  messages: Map<string, Message>;
  /** Held message ids per conversation, in arrival order. */
  messagesByConversation: Map<string, string[]>;
  /** Inbound events received since the last compaction (the others are in the store's log). */
  inboundEvents: InboundEvent[];
}

export interface ChannelStore {
  readonly kind: 'memory' | 'folder';
  /** Reads (and migrates) what is stored; later calls return the same state. */
  load(): Promise<StoreState>;
  /** The loaded state; throws before load() has finished. */
  state(): StoreState;
  /** Persists the configuration document (lowdb; atomic, coalesced by steno). */
  saveConfig(): Promise<void>;
  saveConversation(conversation: Conversation): Promise<void>;
  saveMessage(message: Message): Promise<void>;
  saveInboundEvent(event: InboundEvent): Promise<void>;
  /** A conversation by id, held or stored. */
  conversation(id: string): Conversation | undefined;
  /** The conversations that pass the filter, held and stored, in no particular order. */
  conversations(filter: ConversationFilter): Iterable<StoredConversation>;
  /** A conversation's messages in arrival order, the last version of each (history, then held). */
  transcript(conversationId: string): Message[];
  /**
   * The last version of a message by its id: held, or in history if outbound (or without a
   * reference); a stored inbound SMS is found by its TeleSign reference.
   */
  message(id: string): Message | undefined;
  /** The last version of the message TeleSign knows by this reference id, held or in history. */
  messageByReference(referenceId: string): Message | undefined;
  /** The inbound events that pass the filter, oldest first (stored, then held). */
  inboundEvents(filter: InboundEventFilter): Iterable<StoredInboundEvent>;
  /**
   * The same, newest first (time, then position) below position `before`, when times never go
   * back along the log: then that order is position order reversed, and a page stops early.
   * Undefined when they do (a clock set back): sort `inboundEvents` instead.
   */
  newestInboundEvents(
    filter: InboundEventFilter,
    before?: number,
  ): Iterable<StoredInboundEvent> | undefined;
  /** Folds the journal into an atomic snapshot and starts a new journal generation. */
  compact(): Promise<void>;
  close(): Promise<void>;
  /** Problems met while reading (e.g. a torn journal line), oldest first. */
  readonly warnings: string[];
}
