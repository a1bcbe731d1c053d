// The agent workspace: pick an agent, presence, offers with their timer, work items, open items.

import { prettyPhone } from '../components/format';
import {
  ApiButton,
  Badge,
  Empty,
  ErrorBox,
  Panel,
  PRESENCE_TONE,
  STATE_TONE,
} from '../components/ui';
import type { ConsoleData } from '../data';
import type { ConsoleConversation, ConsoleQueue } from '../data-schemas';

export const PRESENCES = ['available', 'busy', 'busy-dnd', 'away', 'offline'] as const;

export interface AgentParams {
  agent: string | undefined;
  conversation: string | undefined;
}

export const conversationHref = (agentId: string, conversationId: string): string =>
  `/agent/${encodeURIComponent(agentId)}/conversations/${encodeURIComponent(conversationId)}`;

/** The servers' time, and whether it moves by itself (a manual clock only moves when advanced). */
async function serverNow(data: ConsoleData): Promise<{ now: number; manual: boolean }> {
  try {
    const clock = await data.clock();
    return { now: clock.now, manual: clock.kind === 'manual' };
  } catch {
    return { now: Date.now(), manual: false };
  }
}

export async function renderAgentPicker(data: ConsoleData, selected: string | undefined) {
  try {
    const agents = await data.agents();
    return (
      <label class="agent-picker">
        Agent{' '}
        <select data-navigate data-testid="agent-picker">
          <option value="/agent" selected={!selected}>
            Choose an agent…
          </option>
          {agents.map((agent) => (
            <option
              value={`/agent/${encodeURIComponent(agent.id)}`}
              selected={agent.id === selected}
            >
              {agent.name} ({agent.presence})
            </option>
          ))}
        </select>
      </label>
    );
  } catch (error) {
    return <ErrorBox error={error} />;
  }
}

function ConversationRow(props: {
  conversation: ConsoleConversation;
  agentId: string;
  queues: Map<string, ConsoleQueue>;
  selected: boolean;
  testid: string;
}) {
  const { conversation: cv, agentId } = props;
  const last = cv.messages[cv.messages.length - 1];
  return (
    <a
      class={`item ${props.selected ? 'selected' : ''}`}
      href={conversationHref(agentId, cv.id)}
      data-testid={props.testid}
      data-conversation-id={cv.id}
    >
      <span class="item-title">
        {prettyPhone(cv.customerNumber)} <Badge tone={STATE_TONE[cv.state]}>{cv.state}</Badge>
      </span>
      <span class="item-sub">
        {props.queues.get(cv.queueId)?.name ?? cv.queueId} ·{' '}
        {last ? last.text.slice(0, 60) : 'no messages'}
      </span>
    </a>
  );
}

export async function renderAgentSide(data: ConsoleData, params: AgentParams) {
  const agentId = params.agent;
  if (!agentId)
    return <Empty testid="no-agent">Choose an agent to see their offers and work items.</Empty>;
  try {
    const [agents, offers, workItems, open, queueList, workStreams, clock] = await Promise.all([
      data.agents(),
      data.offers(agentId),
      data.workItems(agentId),
      data.conversations({ state: 'open' }),
      data.queues(),
      data.workStreams(),
      serverNow(data),
    ]);
    const { now, manual } = clock;
    const agent = agents.find((a) => a.id === agentId);
    if (!agent) return <Empty testid="no-agent">There is no agent {agentId}.</Empty>;
    const queues = new Map(queueList.map((q) => [q.id, q]));
    const pickStreams = new Set(workStreams.filter((ws) => ws.mode === 'pick').map((ws) => ws.id));
    const myQueues = new Set([
      ...agent.queueIds,
      ...queueList.filter((q) => q.isDefault).map((q) => q.id),
    ]);
    // What is offered to this agent shows under Offers, not twice.
    const openForMe = open.filter(
      (cv) => myQueues.has(cv.queueId) && cv.offer?.agentId !== agentId,
    );
    return (
      <div class="stack">
        <Panel title={agent.name} testid="agent-card">
          <div class="presence-row">
            <Badge tone={PRESENCE_TONE[agent.presence]} testid="agent-presence">
              {agent.presence}
            </Badge>
            <span class="muted" data-testid="agent-capacity">
              capacity {agent.usedCapacity}/{agent.capacity} · {agent.activeConversations} active
            </span>
          </div>
          <form
            class="inline"
            data-api={`PUT /api/agents/${agent.id}/presence`}
            data-testid="presence-form"
          >
            <select name="presence" data-submit-on-change data-testid="presence-select">
              {PRESENCES.map((p) => (
                <option value={p} selected={p === (agent.presenceChoice ?? agent.presence)}>
                  {p}
                </option>
              ))}
            </select>
            <output class="form-error" data-role="error" />
          </form>
          {agent.presenceChoice && agent.presenceChoice !== agent.presence ? (
            <p class="muted presence-note" data-testid="presence-note">
              Chosen: {agent.presenceChoice} · effective now: {agent.presence}
            </p>
          ) : null}
        </Panel>
        <Panel title={`Offers (${offers.length})`} testid="offers">
          {offers.length === 0 ? (
            <Empty testid="no-offers">
              No offers right now — text the support number from <a href="/">Phones</a>.
            </Empty>
          ) : null}
          {offers.map((cv) => {
            const remaining = cv.offer
              ? Math.max(0, Math.round((cv.offer.expiresAt - now) / 1000))
              : 0;
            return (
              <div class="offer" data-testid="offer" data-conversation-id={cv.id}>
                <div>
                  <strong>{prettyPhone(cv.customerNumber)}</strong> in{' '}
                  {queues.get(cv.queueId)?.name ?? cv.queueId}
                  <div class="item-sub">{cv.messages[0]?.text.slice(0, 80) ?? ''}</div>
                </div>
                <span
                  class={`timer ${remaining <= 15 ? 'urgent' : ''}`}
                  data-countdown={manual ? undefined : remaining}
                  data-testid="offer-timer"
                  title={
                    manual
                      ? 'Manual clock: the offer expires when the clock is advanced past it'
                      : 'Seconds until the offer moves to the next agent'
                  }
                >
                  {remaining} s
                </span>
                <div class="offer-actions">
                  <ApiButton
                    method="POST"
                    path={`/api/conversations/${cv.id}/accept`}
                    body={{ agentId }}
                    then={conversationHref(agentId, cv.id)}
                    tone="primary"
                    testid="offer-accept"
                  >
                    Accept
                  </ApiButton>
                  <ApiButton
                    method="POST"
                    path={`/api/conversations/${cv.id}/reject`}
                    body={{ agentId }}
                    testid="offer-reject"
                  >
                    Reject
                  </ApiButton>
                </div>
              </div>
            );
          })}
        </Panel>
        <Panel title={`My work items (${workItems.length})`} testid="my-work-items">
          {workItems.length === 0 ? (
            <Empty testid="no-work-items">
              No conversations yet — accept an offer or pick one.
            </Empty>
          ) : null}
          {workItems.map((cv) => (
            <ConversationRow
              conversation={cv}
              agentId={agentId}
              queues={queues}
              selected={cv.id === params.conversation}
              testid="work-item"
            />
          ))}
        </Panel>
        <Panel title={`Open work items (${openForMe.length})`} testid="open-work-items">
          {openForMe.length === 0 ? <Empty>No open conversations in your queues.</Empty> : null}
          {openForMe.map((cv) => (
            <div class="item-with-action">
              <ConversationRow
                conversation={cv}
                agentId={agentId}
                queues={queues}
                selected={cv.id === params.conversation}
                testid="open-item"
              />
              {pickStreams.has(cv.workStreamId) ? (
                <ApiButton
                  method="POST"
                  path={`/api/conversations/${cv.id}/pick`}
                  body={{ agentId }}
                  then={conversationHref(agentId, cv.id)}
                  testid="pick"
                >
                  Pick
                </ApiButton>
              ) : null}
            </div>
          ))}
        </Panel>
      </div>
    );
  } catch (error) {
    return <ErrorBox error={error} />;
  }
}
