// The agent's reply box: why it is disabled (a live region), and the form that stays outside the
// live fragment so a refresh never eats what the agent is typing.
import type { Child } from 'hono/jsx';
import type { ConsoleData } from '../data';
import type { ConsoleConversation } from '../data-schemas';
import { measureDraft } from '../measure';
import type { AgentParams } from './agent';

/** Why this agent cannot reply, worded for the composer; null when they can (R-CV-5). */
export function replyBlocked(
  cv: Pick<ConsoleConversation, 'state' | 'agentId' | 'offer'>,
  agentId: string,
  holderName: string | null,
): string | null {
  if (cv.state === 'closed')
    return "Closed: this conversation has ended. The customer's next text opens a new one.";
  if (cv.agentId === agentId) return null;
  if (cv.offer?.agentId === agentId) return 'Offered to you: accept the offer to reply.';
  if (cv.agentId)
    return `Held by ${holderName ?? cv.agentId}: only the agent who holds it replies.`;
  return 'Not assigned: accept or pick it to reply.';
}

/** Why `agentId` cannot reply in the conversation now; null when they can. */
export async function composerReason(
  data: ConsoleData,
  agentId: string,
  conversationId: string,
): Promise<string | null> {
  try {
    const [cv, agents] = await Promise.all([data.conversation(conversationId), data.agents()]);
    const holder = cv.agentId ? (agents.find((a) => a.id === cv.agentId)?.name ?? null) : null;
    return replyBlocked(cv, agentId, holder);
  } catch (error) {
    return `Cannot reply: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Why the composer is disabled (a live region of its own: it follows the conversation's state). */
export async function renderComposerState(data: ConsoleData, params: AgentParams) {
  if (!params.conversation || !params.agent) return <span />;
  const reason = await composerReason(data, params.agent, params.conversation);
  return (
    <span class="composer-reason" id="composer-reason" data-testid="composer-reason">
      {reason ?? ''}
    </span>
  );
}

/**
 * Outside the live fragment, so a refresh never eats what the agent is typing; only its reason
 * (`composer-state`) is live, and the text box and Send follow it (`data-disabled-by`).
 */
export function Composer(props: {
  agentId: string;
  conversationId: string;
  reason: string | null;
  state: Child;
}) {
  const empty = measureDraft('');
  const disabled = props.reason !== null;
  return (
    <form
      class="composer"
      data-api={`POST /api/conversations/${props.conversationId}/messages`}
      data-extra={JSON.stringify({ agentId: props.agentId })}
      data-reset
      data-testid="composer"
    >
      <textarea
        name="text"
        id="composer-text"
        rows={2}
        placeholder="Reply to the customer… (Ctrl+Enter sends)"
        data-counter="composer-counter"
        data-segments="composer-segments"
        data-disabled-by="composer-reason"
        disabled={disabled}
        title={props.reason ?? undefined}
        data-testid="composer-text"
      />
      <div class="composer-bar">
        <span class="counter" id="composer-counter" data-testid="composer-counter">
          {empty.counter}
        </span>
        <span class="muted" id="composer-segments" data-testid="composer-segments">
          {empty.cost}
        </span>
        {props.state}
        <output class="form-error" data-role="error" data-testid="composer-error" />
        <button
          type="submit"
          class="btn primary"
          data-disabled-by="composer-reason"
          disabled={disabled}
          data-testid="composer-send"
        >
          Send
        </button>
      </div>
    </form>
  );
}
