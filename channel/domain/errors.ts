// The channel's one error type and its catalogue: stable codes, each with the rule it enforces.
// HTTP statuses are mapped once, in channel/http/error-status.ts.

export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { rule: 'INPUT', message: 'The request is not valid.' },
  NOT_FOUND: { rule: 'INPUT', message: 'No such resource.' },
  WORK_STREAM_NAME_INVALID: {
    rule: 'R-WS-1',
    message: 'A work stream name has 1 to 100 characters.',
  },
  WORK_STREAM_MODE_FIXED: {
    rule: 'R-WS-1',
    message: 'The work distribution mode cannot change once the work stream exists.',
  },
  AUTO_CLOSE_TOO_SHORT: {
    rule: 'R-WS-2',
    message: 'Auto-close after inactivity for SMS must be at least 8 hours.',
  },
  SMS_SETTINGS_INCOMPLETE: { rule: 'R-WS-6', message: 'The work stream cannot route SMS yet.' },
  NUMBER_FORMAT_INVALID: {
    rule: 'R-NUM-1',
    message: 'The number is not in the form <country code><number>.',
  },
  NUMBER_TYPE_NOT_SUPPORTED: {
    rule: 'R-NUM-2',
    message: 'This number type is not supported in this release; use a long code.',
  },
  WORK_STREAM_HAS_NUMBER: {
    rule: 'R-NUM-3',
    message: 'A work stream has one number; remove the current one first.',
  },
  NUMBER_IN_USE: { rule: 'R-NUM-4', message: 'The number already belongs to another work stream.' },
  NUMBER_DESCRIPTION_TOO_LONG: {
    rule: 'R-NUM-6',
    message: 'A number description has at most 200 characters.',
  },
  WORK_STREAM_IN_USE: {
    rule: 'R-AG-5',
    message: 'The work stream has live conversations; they hold capacity and must close first.',
  },
  ROUTING_FIELD_NOT_ALLOWED: {
    rule: 'R-RT-3',
    message:
      'A routing condition tests contact.<field>, account.<field>, customer.number or support.number.',
  },
  DEFAULT_QUEUE_UNDELETABLE: { rule: 'R-RT-4', message: 'The default queue cannot be deleted.' },
  QUEUE_IN_USE: {
    rule: 'R-RT-3',
    message: 'The queue is used by a routing rule or a conversation.',
  },
  AGENT_NOT_ELIGIBLE: {
    rule: 'R-AG-3',
    message: 'The agent is not eligible for this conversation.',
  },
  NO_OFFER: { rule: 'R-AG-3', message: 'There is no offer for this agent on this conversation.' },
  WRONG_MODE: {
    rule: 'R-AG-4',
    message: 'This action does not apply to the work stream distribution mode.',
  },
  TRANSITION_NOT_ALLOWED: {
    rule: 'R-CV',
    message: 'The conversation cannot make this transition from its state.',
  },
  CONVERSATION_CLOSED: {
    rule: 'R-CV-1',
    message: 'The conversation is closed; nothing re-opens it.',
  },
  NOT_CONVERSATION_AGENT: {
    rule: 'R-CV-5',
    message: 'Only the agent who holds the conversation can do this.',
  },
  MESSAGE_TOO_LONG: { rule: 'R-MSG-2', message: 'A message has at most 1600 characters.' },
  MESSAGE_EMPTY: { rule: 'R-MSG-4', message: 'A message cannot be empty or only whitespace.' },
  INBOUND_SIGNATURE_INVALID: {
    rule: 'R-SEC-1',
    message: 'The callback does not carry a valid TeleSign signature.',
  },
  INBOUND_URL_UNKNOWN: { rule: 'R-SEC-1', message: 'This is not the organisation inbound URL.' },
} as const satisfies Record<string, { rule: string; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface ErrorDetails {
  /** The input field at fault, e.g. `autoCloseAfterInactivityMs` or `number`. */
  field?: string;
  /** A more specific message than the catalogue's, saying what to fix. */
  message?: string;
  [extra: string]: unknown;
}

export class ChannelError extends Error {
  readonly code: ErrorCode;
  readonly rule: string;
  readonly field: string | undefined;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, details: ErrorDetails = {}) {
    super(details.message ?? ERROR_CATALOGUE[code].message);
    this.name = 'ChannelError';
    this.code = code;
    this.rule = ERROR_CATALOGUE[code].rule;
    this.field = details.field;
    this.details = details;
  }
}
