// The channel's use cases as one interface: what channel/http translates to and from HTTP,
// and what in-process tests and scenarios may call directly. Errors are thrown as ChannelError.
import type {
  Account,
  Agent,
  Condition,
  Contact,
  Conversation,
  ConversationState,
  CustomerRecordKind,
  DistributionMode,
  InboundEvent,
  Message,
  NumberType,
  Presence,
  Queue,
  RoutingRule,
  ValidationOutcome,
  WorkStream,
} from '../domain/model';
import type { Page, PageRequest } from './paging';

/** A work stream as every API returns it: the API key masked (R-WS-3), the inbound URL shown (R-WS-4). */
export interface WorkStreamView extends Omit<WorkStream, 'sms'> {
  sms: {
    customerId: string | null;
    /** e.g. `••••••••Xk9=`; null when no key is saved. */
    apiKeyMasked: string | null;
    inboundUrl: string;
    validation: { outcome: ValidationOutcome; checkedAt: number; detail: string } | null;
    /** What is still missing before the work stream can route SMS (R-WS-6). */
    missing: Array<'customerId' | 'apiKey' | 'number'>;
  };
}

export interface CreateWorkStreamInput {
  name: string;
  mode: DistributionMode;
  capacityUnits?: number;
  allowedPresences?: Presence[];
  autoCloseAfterInactivityMs?: number;
  offerTimeoutMs?: number;
}
export type UpdateWorkStreamInput = Partial<Omit<CreateWorkStreamInput, 'mode'>> & {
  /** Present only to be refused: the mode is fixed once created. */
  mode?: DistributionMode;
};

export interface AddNumberInput {
  number: string;
  type?: NumberType;
  description?: string;
}

export type RoutingRuleInput = { id?: string; name: string; condition: Condition; queueId: string };

export interface ContactInput {
  firstName: string;
  lastName: string;
  mobilePhone?: string;
  email?: string;
  status?: 'active' | 'inactive';
  fields?: Record<string, string>;
}

export interface AccountInput {
  name: string;
  mainPhone?: string;
  status?: 'active' | 'inactive';
  fields?: Record<string, string>;
}

export interface AgentInput {
  name: string;
  queueIds?: string[];
  capacity?: number;
  presence?: Presence;
}

export interface AgentView extends Agent {
  /** Effective presence (R-AG-2). */
  presence: Presence;
  usedCapacity: number;
  activeConversations: number;
}

export interface ConversationView extends Conversation {
  /** Which kind of record the conversation is linked to (R-RT-1), or null when it is flagged. */
  linkedKind: CustomerRecordKind | null;
  messages: Message[];
}

export interface ConversationFilter {
  state?: ConversationState;
  queueId?: string;
  agentId?: string;
  workStreamId?: string;
  customerNumber?: string;
  supportNumber?: string;
  /** The linked contact. */
  contactId?: string;
  /** The linked account. */
  accountId?: string;
  /** Created at or after (ms since the epoch). */
  since?: number;
  /** Created before (ms since the epoch). */
  until?: number;
}

export interface InboundEventFilter {
  kind?: InboundEvent['kind'];
  outcome?: InboundEvent['outcome'];
  referenceId?: string;
  conversationId?: string;
  /** Received at or after (ms since the epoch). */
  since?: number;
  /** Received before (ms since the epoch). */
  until?: number;
}

/** What the inbound URL did with a TeleSign callback. */
export type InboundResult =
  | { kind: 'message'; conversationId: string; messageId: string; duplicate: boolean }
  | { kind: 'delivery-report'; messageId: string | null; applied: boolean }
  | { kind: 'unroutable'; supportNumber: string }
  | { kind: 'validation-probe' };

export interface InboundRequest {
  orgId: string;
  token: string;
  rawBody: string;
  authorization: string | undefined;
}

export interface ChannelService {
  // Organisation
  organisation(): { id: string; inboundUrl: string };

  // Work streams, SMS settings, numbers (R-WS, R-NUM)
  listWorkStreams(): WorkStreamView[];
  getWorkStream(id: string): WorkStreamView;
  createWorkStream(input: CreateWorkStreamInput): Promise<WorkStreamView>;
  updateWorkStream(id: string, input: UpdateWorkStreamInput): Promise<WorkStreamView>;
  deleteWorkStream(id: string): Promise<void>;
  saveSmsSettings(
    id: string,
    input: { customerId: string; apiKey?: string },
  ): Promise<WorkStreamView>;
  validateApiKey(
    id: string,
  ): Promise<{ outcome: ValidationOutcome; checkedAt: number; detail: string }>;
  addNumber(workStreamId: string, input: AddNumberInput): Promise<WorkStreamView>;
  removeNumber(workStreamId: string, number: string): Promise<WorkStreamView>;
  /** Format check only, for forms (R-NUM-1). */
  checkNumberFormat(
    number: string,
  ): { ok: true; e164: string; country: string | null } | { ok: false; message: string };

  // Routing (R-RT)
  listRoutingRules(workStreamId: string): RoutingRule[];
  replaceRoutingRules(workStreamId: string, rules: RoutingRuleInput[]): Promise<RoutingRule[]>;
  listQueues(): Queue[];
  createQueue(input: { name: string }): Promise<Queue>;
  deleteQueue(id: string): Promise<void>;

  // Contacts and agents
  listContacts(): Contact[];
  getContact(id: string): Contact;
  createContact(input: ContactInput): Promise<Contact>;
  updateContact(id: string, input: Partial<ContactInput>): Promise<Contact>;
  deleteContact(id: string): Promise<void>;
  listAccounts(): Account[];
  getAccount(id: string): Account;
  createAccount(input: AccountInput): Promise<Account>;
  updateAccount(id: string, input: Partial<AccountInput>): Promise<Account>;
  deleteAccount(id: string): Promise<void>;
  listAgents(): AgentView[];
  getAgent(id: string): AgentView;
  createAgent(input: AgentInput): Promise<AgentView>;
  updateAgent(id: string, input: Partial<AgentInput>): Promise<AgentView>;

  // Agent work (R-AG, R-CV)
  setPresence(agentId: string, presence: Presence): Promise<AgentView>;
  offersFor(agentId: string): ConversationView[];
  workItemsFor(agentId: string): ConversationView[];
  accept(agentId: string, conversationId: string): Promise<ConversationView>;
  reject(agentId: string, conversationId: string): Promise<ConversationView>;
  pick(agentId: string, conversationId: string): Promise<ConversationView>;
  send(agentId: string, conversationId: string, text: string): Promise<Message>;
  closeSession(agentId: string, conversationId: string): Promise<ConversationView>;
  end(agentId: string, conversationId: string): Promise<ConversationView>;
  release(agentId: string, conversationId: string): Promise<ConversationView>;
  transfer(agentId: string, conversationId: string, queueId: string): Promise<ConversationView>;
  reopen(agentId: string, conversationId: string): Promise<ConversationView>;
  linkContact(
    agentId: string,
    conversationId: string,
    contactId: string,
  ): Promise<ConversationView>;
  linkAccount(
    agentId: string,
    conversationId: string,
    accountId: string,
  ): Promise<ConversationView>;

  // Conversations
  listConversations(filter?: ConversationFilter): ConversationView[];
  /** A page of the filtered conversations, newest created first. */
  findConversations(query: ConversationFilter & PageRequest): Page<ConversationView>;
  getConversation(id: string): ConversationView;

  // TeleSign → channel
  receiveCallback(request: InboundRequest): Promise<InboundResult>;
  listInboundEvents(): InboundEvent[];
  /** A page of the filtered inbound SMS and delivery reports, newest received first. */
  findInboundEvents(query: InboundEventFilter & PageRequest): Page<InboundEvent>;

  // Time
  /** Closes every conversation that became eligible for auto-close (R-CV-3); returns their ids. */
  sweep(): Promise<string[]>;
  /** Expires due offers and offers Open push conversations to eligible agents. */
  dispatch(): Promise<void>;

  /** Live events for the console and logs. */
  subscribe(listener: (event: ChannelEvent) => void): () => void;
  /** Flushes pending writes; stops timers. */
  close(): Promise<void>;
}

export type ChannelEvent =
  | { type: 'conversation.opened'; conversationId: string; at: number }
  | {
      type: 'conversation.routed';
      conversationId: string;
      queueId: string;
      routedBy: string;
      at: number;
    }
  | { type: 'conversation.offered'; conversationId: string; agentId: string; at: number }
  | {
      type: 'conversation.declined';
      conversationId: string;
      agentId: string;
      reason: 'rejected' | 'timed-out' | 'withdrawn';
      at: number;
    }
  | {
      type: 'conversation.changed';
      conversationId: string;
      from: ConversationState | null;
      to: ConversationState;
      reason: string;
      at: number;
    }
  | { type: 'message.received'; conversationId: string; messageId: string; at: number }
  | { type: 'message.sent'; conversationId: string; messageId: string; at: number }
  | { type: 'message.status'; conversationId: string; messageId: string; code: number; at: number }
  | {
      type: 'message.failed';
      conversationId: string;
      messageId: string;
      reason: string;
      at: number;
    }
  | { type: 'inbound.unroutable'; supportNumber: string; at: number }
  | { type: 'agent.changed'; agentId: string; at: number }
  | { type: 'admin.changed'; resource: string; at: number };
