// Turns channel events into the one-line sentences the sim log prints ("routed to queue billing").
import type { ChannelEvent } from '../../channel/service/contract';
import type { JournalEntry } from '../../simulator';

export interface Names {
  queue(id: string): string;
  agent(id: string): string;
  rule(id: string): string;
}

const STATUS: Record<number, string> = {
  200: 'delivered to handset',
  203: 'delivered to gateway',
  290: 'in progress',
  291: 'queued by TeleSign',
  292: 'queued by gateway',
  295: 'status delayed',
};

export function describeStatus(code: number): string {
  return STATUS[code] ?? `final status ${code}`;
}

/** One sentence per event, or null for events too chatty for the info level. */
export function describeChannelEvent(event: ChannelEvent, names: Names): string | null {
  const cv = 'conversationId' in event ? event.conversationId : '';
  switch (event.type) {
    case 'conversation.opened':
      return `${cv} opened`;
    case 'conversation.routed':
      return `${cv} routed to queue ${names.queue(event.queueId)} by ${event.routedBy === 'default' ? 'default' : `rule ${names.rule(event.routedBy)}`}`;
    case 'conversation.offered':
      return `${cv} offered to agent ${names.agent(event.agentId)}`;
    case 'conversation.changed':
      return `${cv} ${event.from ?? 'new'} → ${event.to} (${event.reason})`;
    case 'message.received':
      return `message in: ${event.messageId} on ${cv}`;
    case 'message.sent':
      return `message out: ${event.messageId} on ${cv} sent to TeleSign`;
    case 'message.status':
      return `message ${event.messageId} ${describeStatus(event.code)} (${event.code})`;
    case 'message.failed':
      return `message ${event.messageId} failed: ${event.reason}`;
    case 'inbound.unroutable':
      return `inbound SMS to ${event.supportNumber} is unroutable: no work stream owns that number`;
    case 'agent.changed':
    case 'admin.changed':
      return null;
  }
  return null;
}

/** The fake TeleSign's journal entries as log sentences, with the level they deserve. */
export function describeJournalEntry(entry: JournalEntry): {
  level: 'info' | 'debug' | 'warn';
  text: string;
} {
  const request = [entry.method, entry.path ?? entry.url].filter(Boolean).join(' ');
  const status = entry.status !== undefined ? ` → ${entry.status}` : '';
  const attempt =
    entry.attempt !== undefined && entry.attempt > 1 ? ` (attempt ${entry.attempt})` : '';
  const failed = entry.status !== undefined && entry.status >= 400;
  switch (entry.kind) {
    case 'api':
      return { level: failed ? 'warn' : 'info', text: `${request}${status}: ${entry.detail}` };
    case 'callback':
      return {
        level: failed ? 'warn' : 'info',
        text: `callback ${request}${status}${attempt}: ${entry.detail}`,
      };
    case 'state':
      return { level: 'info', text: entry.detail };
    default:
      return { level: 'debug', text: entry.detail };
  }
}
