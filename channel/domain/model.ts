// The channel's data model: plain, JSON-able types shared by domain rules, services, store and HTTP.

export const PRESENCES = ['available', 'busy', 'busy-dnd', 'away', 'offline'] as const;
export type Presence = (typeof PRESENCES)[number];

export const DISTRIBUTION_MODES = ['push', 'pick'] as const;
export type DistributionMode = (typeof DISTRIBUTION_MODES)[number];

export const CONVERSATION_STATES = ['open', 'active', 'waiting', 'wrap-up', 'closed'] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];

export const NUMBER_TYPES = ['long-code', 'short-code', 'toll-free'] as const;
export type NumberType = (typeof NUMBER_TYPES)[number];

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** Defaults the product documents or the rulebook decides. */
export const DEFAULTS = {
  capacityUnits: 30,
  allowedPresences: ['available', 'busy'] as Presence[],
  autoCloseAfterInactivityMs: 48 * HOUR_MS,
  minimumAutoCloseMs: 8 * HOUR_MS,
  offerTimeoutMs: 120_000,
  openAutoCloseMs: 30 * DAY_MS,
  activeAutoCloseMs: 30 * DAY_MS,
  wrapUpAutoCloseMs: DAY_MS,
  agentCapacity: 100,
} as const;

export type Actor =
  | { kind: 'customer' }
  | { kind: 'agent'; agentId: string }
  | { kind: 'admin' }
  | { kind: 'system' };

export type ValidationOutcome =
  | 'valid'
  | 'customer-id-invalid'
  | 'api-key-invalid'
  | 'telesign-unreachable'
  /** The test SMS was sent; its return (proof of owning the number) is awaited (R-WS-5). */
  | 'checking'
  /** The test SMS did not come back in time: the account does not own the number (R-NUM-5). */
  | 'number-not-owned';

export interface SmsSettings {
  customerId?: string;
  /** Secret: stored in full, never returned in full (R-WS-3). */
  apiKey?: string;
  validation?: {
    outcome: ValidationOutcome;
    checkedAt: number;
    detail: string;
    /** While `checking`: when the test SMS is given up on (number not owned). */
    deadline?: number;
  };
}

export interface SmsNumber {
  /** `<country code><number>`, digits only. */
  number: string;
  type: NumberType;
  description?: string;
  addedAt: number;
}

export type FieldCondition = {
  /**
   * `contact.<field>` (`contact.mobilePhone`, `contact.city`), `account.<field>` (`account.mainPhone`,
   * `account.tier`), `customer.number` or `support.number`. The message text is not a routing
   * input (R-RT-3 as amended).
   */
  field: string;
  op: 'equals' | 'not-equals' | 'begins-with' | 'ends-with' | 'contains' | 'in' | 'exists';
  value?: string | string[];
};
export type Condition = FieldCondition | { all: Condition[] } | { any: Condition[] };

export interface RoutingRule {
  id: string;
  name: string;
  condition: Condition;
  queueId: string;
  /**
   * Set when a stored rule broke a rule of a later revision (e.g. it tested the message text,
   * R-RT-3): it is kept for the administrator to see and fix, but never evaluated.
   */
  disabled?: { reason: string };
}

export interface WorkStream {
  id: string;
  name: string;
  channel: 'sms';
  mode: DistributionMode;
  capacityUnits: number;
  allowedPresences: Presence[];
  autoCloseAfterInactivityMs: number;
  offerTimeoutMs: number;
  sms: SmsSettings;
  /** One number per work stream (R-NUM-3). */
  number?: SmsNumber;
  routingRules: RoutingRule[];
  createdAt: number;
}

export interface Queue {
  id: string;
  name: string;
  /** The organisation's default queue: every agent is a member; it cannot be deleted (R-RT-4). */
  isDefault: boolean;
}

export interface Contact {
  id: string;
  firstName: string;
  lastName: string;
  /** CRM form `+<cc><number>`. */
  mobilePhone?: string;
  email?: string;
  status: 'active' | 'inactive';
  /** Other contact fields routing rules may test. */
  fields: Record<string, string>;
}

/** An organisation the customer belongs to, whose main phone also identifies the customer (R-RT-1). */
export interface Account {
  id: string;
  name: string;
  /** CRM form `+<cc><number>`. */
  mainPhone?: string;
  status: 'active' | 'inactive';
  /** Other account fields routing rules may test. */
  fields: Record<string, string>;
}

/** The kind of record an inbound SMS was linked to by its customer number (R-RT-1). */
export type CustomerRecordKind = 'contact' | 'account';

export interface Agent {
  id: string;
  name: string;
  /** Queue memberships besides the default queue. */
  queueIds: string[];
  capacity: number;
  /** What the agent chose; Away and Offline stick, the others follow capacity (R-AG-2). */
  presenceChoice: Presence;
  lastAssignedAt?: number;
}

export interface Transition {
  from: ConversationState | null;
  to: ConversationState;
  at: number;
  actor: Actor;
  reason: string;
}

export interface Offer {
  agentId: string;
  offeredAt: number;
  expiresAt: number;
}

/** How an offer ended: taken, turned down, let run out, or taken back (agent Away/Offline, conversation moved on). */
export const OFFER_OUTCOMES = [
  'pending',
  'accepted',
  'rejected',
  'timed-out',
  'withdrawn',
] as const;
export type OfferOutcome = (typeof OFFER_OUTCOMES)[number];

/** One offer of a conversation, kept after it ends (offer history). */
export interface OfferRecord {
  agentId: string;
  offeredAt: number;
  outcome: OfferOutcome;
  endedAt?: number;
}

export interface Conversation {
  id: string;
  workStreamId: string;
  /** Customer's number as TeleSign sends it (digits). */
  customerNumber: string;
  supportNumber: string;
  state: ConversationState;
  queueId: string;
  /** Which routing rule put it in its queue, or `default` (R-RT-5). */
  routedBy: { ruleId: string; ruleName: string } | 'default';
  /** The linked contact, when the one matching record was a contact (R-RT-1). */
  contactId?: string;
  /** The linked account, when the one matching record was an account (R-RT-1). */
  accountId?: string;
  /**
   * `linked`: exactly one active contact or account had the customer's number. `none` or `many`
   * (contacts and accounts counted together) flags it for the agent to pick a record (R-RT-2).
   */
  contactMatch: 'linked' | 'none' | 'many';
  agentId?: string;
  /** The last agent who held it: offered first when the customer texts again from Waiting. */
  lastAgentId?: string;
  offer?: Offer;
  /** Every offer made, oldest first, with how it ended (absent in data stored before it was kept). */
  offers?: OfferRecord[];
  /** Agents who rejected or let an offer expire in this routing round. */
  rejectedBy: string[];
  resolved: boolean;
  createdAt: number;
  lastActivityAt: number;
  wrapUpAt?: number;
  closedAt?: number;
  transitions: Transition[];
}

export interface DeliveryStatus {
  code: number;
  description: string;
  final: boolean;
  updatedAt: number;
  /** What the status means for the agent, where the code says more than TeleSign's description (R-MSG-8). */
  explanation?: string;
}

export interface Message {
  id: string;
  conversationId: string;
  direction: 'inbound' | 'outbound';
  /** Inbound: the first 1600 code points (R-MSG-3). */
  text: string;
  truncated: boolean;
  at: number;
  chars: number;
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  agentId?: string;
  telesignReferenceId?: string;
  /** Outbound: latest delivery status from TeleSign (R-MSG-5). */
  delivery?: DeliveryStatus;
  /** Outbound: why TeleSign did not take the message, as the agent sees it. */
  failure?: { code: string | number; description: string };
}

export const INBOUND_EVENT_KINDS = ['sms', 'delivery-report'] as const;
export const INBOUND_EVENT_OUTCOMES = [
  'accepted',
  'duplicate',
  'unroutable',
  'validation-probe',
  'stale',
  'unknown-message',
] as const;

/** The raw inbound callback as TeleSign sent it, SMS or delivery report; nothing is lost (R-MSG-3, R-SEC-2). */
export interface InboundEvent {
  /** Records written before delivery reports were kept have no kind: they are all `sms`. */
  kind: (typeof INBOUND_EVENT_KINDS)[number];
  referenceId: string;
  receivedAt: number;
  rawBody: string;
  /**
   * SMS: `accepted`, `duplicate` (a retry), `unroutable`, `validation-probe` (the test SMS validation
   * sends to the work stream's own number, R-WS-5). Delivery report: `accepted` (the status changed),
   * `stale` (older than or the same as the one shown, R-MSG-7), `unknown-message` (no message of ours).
   */
  outcome: (typeof INBOUND_EVENT_OUTCOMES)[number];
  conversationId?: string;
  /** The message the callback added (SMS) or reported on (delivery report). */
  messageId?: string;
}
