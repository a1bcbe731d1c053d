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

export interface StoreState {
  config: ConfigDoc;
  conversations: Map<string, Conversation>;
  messages: Map<string, Message>;
  /** Message ids per conversation, in arrival order. */
  messagesByConversation: Map<string, string[]>;
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
  /** Folds the journal into an atomic snapshot and starts a new journal generation. */
  compact(): Promise<void>;
  close(): Promise<void>;
  /** Problems met while reading (e.g. a torn journal line), oldest first. */
  readonly warnings: string[];
}
