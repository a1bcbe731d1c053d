import { AccountCard } from '../components/account-card';
import { DeliveryTicks, tickFor } from '../components/delivery';
import { clockTime, prettyPhone } from '../components/format';
import { ApiButton, Badge, ErrorBox, Panel, STATE_TONE } from '../components/ui';
import type { ConsoleData } from '../data';
import type { ConsoleContact, ConsoleConversation, ConsoleQueue } from '../data-schemas';
import type { AgentParams } from './agent';

/** Whether TeleSign refused the reply or reported it undeliverable. */
const deliveryFailed = (m: ConsoleConversation['messages'][number]): boolean =>
  m.failure !== null && m.failure !== undefined
    ? true
    : m.delivery
      ? tickFor(m.delivery.code).tone === 'failed'
      : false;

function ContactCard(props: {
  conversation: ConsoleConversation;
  contacts: ConsoleContact[];
  agentId: string;
}) {
  const { conversation: cv } = props;
  const linked = props.contacts.find((c) => c.id === cv.contactId);
  if (linked) {
    return (
      <div class="contact-card" data-testid="contact-card">
        <strong data-testid="contact-name">
          {linked.firstName} {linked.lastName}
        </strong>
        <dl>
          <dt>Mobile</dt>
          <dd>{linked.mobilePhone ? prettyPhone(linked.mobilePhone) : '—'}</dd>
          {linked.email ? (
            <>
              <dt>Email</dt>
              <dd>{linked.email}</dd>
            </>
          ) : null}
          {Object.entries(linked.fields).map(([key, value]) => (
            <>
              <dt>{key}</dt>
              <dd>{value}</dd>
            </>
          ))}
        </dl>
      </div>
    );
  }
  const e164 = `+${cv.customerNumber}`;
  const candidates = props.contacts.filter((c) => c.mobilePhone === e164 && c.status === 'active');
  return (
    <div class="contact-card none" data-testid="no-contact">
      <strong>
        {cv.contactMatch === 'many' ? 'Several records match this number' : 'No contact found'}
      </strong>
      <p class="muted">
        {cv.contactMatch === 'many'
          ? `More than one active contact or account has this phone: link the right one.`
          : `No active contact has the mobile phone ${prettyPhone(cv.customerNumber)}.`}
      </p>
      {candidates.map((c) => (
        <ApiButton
          method="POST"
          path={`/api/conversations/${cv.id}/contact`}
          body={{ agentId: props.agentId, contactId: c.id }}
          testid="link-contact"
        >
          Link {c.firstName} {c.lastName}
        </ApiButton>
      ))}
      {cv.agentId === props.agentId ? (
        <details class="link-any" data-testid="link-contact-details">
          <summary>{cv.contactMatch === 'many' ? 'Someone else…' : 'Link a contact…'}</summary>
          <form
            class="inline"
            data-api={`POST /api/conversations/${cv.id}/contact`}
            data-extra={JSON.stringify({ agentId: props.agentId })}
            data-testid="link-contact-form"
          >
            <select name="contactId" data-testid="link-contact-select" id={`link-${cv.id}`}>
              {props.contacts
                .filter((c) => c.status === 'active')
                .map((c) => (
                  <option value={c.id}>
                    {c.firstName} {c.lastName}
                    {c.mobilePhone ? ` · ${prettyPhone(c.mobilePhone)}` : ''}
                  </option>
                ))}
            </select>
            <button type="submit" class="btn plain" data-testid="link-contact-submit">
              Link contact
            </button>
            <output class="form-error" data-role="error" />
          </form>
        </details>
      ) : null}
    </div>
  );
}

function Actions(props: {
  conversation: ConsoleConversation;
  agentId: string;
  queues: ConsoleQueue[];
  holder: string | null;
}) {
  const { conversation: cv, agentId } = props;
  const path = (action: string) => `/api/conversations/${cv.id}/${action}`;
  const body = { agentId };
  const mine = cv.agentId === agentId;
  if (!mine)
    return (
      <p class="muted">
        {props.holder ? `Held by ${props.holder}` : 'Held by nobody'}; accept or pick it to act.
      </p>
    );
  return (
    <div class="actions" data-testid="conversation-actions">
      {cv.state === 'active' || cv.state === 'wrap-up' ? (
        <ApiButton
          method="POST"
          path={path('close-session')}
          body={body}
          testid="action-close-session"
        >
          Close session
        </ApiButton>
      ) : null}
      {cv.state === 'active' ? (
        <>
          <ApiButton method="POST" path={path('end')} body={body} testid="action-end">
            End
          </ApiButton>
          <ApiButton method="POST" path={path('release')} body={body} testid="action-release">
            Release
          </ApiButton>
          <form
            class="inline"
            data-api={`POST ${path('transfer')}`}
            data-extra={JSON.stringify(body)}
            data-testid="transfer-form"
          >
            <select name="queueId" id={`transfer-${cv.id}`} data-testid="transfer-queue">
              {props.queues
                .filter((q) => q.id !== cv.queueId)
                .map((q) => (
                  <option value={q.id}>{q.name}</option>
                ))}
            </select>
            <button type="submit" class="btn plain" data-testid="action-transfer">
              Transfer
            </button>
            <output class="form-error" data-role="error" />
          </form>
        </>
      ) : null}
      {cv.state === 'waiting' ? (
        <ApiButton
          method="POST"
          path={path('reopen')}
          body={body}
          tone="primary"
          testid="action-reopen"
        >
          Re-open
        </ApiButton>
      ) : null}
    </div>
  );
}

/** The pane before a conversation is opened: what to do next, which depends on what is waiting. */
async function nothingOpen(data: ConsoleData, agentId: string | undefined) {
  let waiting = 0;
  let mine = 0;
  if (agentId) {
    try {
      [waiting, mine] = await Promise.all([
        data.offers(agentId).then((list) => list.length),
        data.workItems(agentId).then((list) => list.length),
      ]);
    } catch {
      // The side panel shows the error; this pane only gives directions.
    }
  }
  return (
    <div class="empty-pane" data-testid="no-conversation">
      <h2>No conversation open</h2>
      <p>
        {!agentId
          ? 'Choose an agent above to see their offers and work items.'
          : waiting > 0
            ? `An offer is waiting on the left: accept it to open the conversation.`
            : mine > 0
              ? 'Open one of your work items on the left.'
              : 'Accept an offer or open one of your work items on the left.'}
      </p>
      {agentId && waiting === 0 && mine === 0 ? (
        <p class="muted" data-testid="no-conversation-hint">
          No conversations yet? Text the support number from <a href="/">Phones</a>; it is routed
          and offered here within a second.
        </p>
      ) : null}
    </div>
  );
}

export async function renderConversation(data: ConsoleData, params: AgentParams) {
  if (!params.conversation || !params.agent) return nothingOpen(data, params.agent);
  try {
    const [cv, contacts, queues, agents] = await Promise.all([
      data.conversation(params.conversation),
      data.contacts(),
      data.queues(),
      data.agents(),
    ]);
    const account = cv.accountId ? await data.account(cv.accountId).catch(() => null) : null;
    const holder = cv.agentId
      ? (agents.find((a) => a.id === cv.agentId)?.name ?? cv.agentId)
      : null;
    const queueName = queues.find((q) => q.id === cv.queueId)?.name ?? cv.queueId;
    return (
      <div
        class="conversation"
        data-testid="conversation"
        data-conversation-id={cv.id}
        data-state={cv.state}
      >
        <header class="conversation-head">
          <h2>{prettyPhone(cv.customerNumber)}</h2>
          <Badge tone={STATE_TONE[cv.state]} testid="conversation-state">
            {cv.state}
          </Badge>
          <span class="muted">
            to {prettyPhone(cv.supportNumber)} · queue {queueName} · routed by{' '}
            {cv.routedBy === 'default' ? 'default' : cv.routedBy.ruleName}
          </span>
        </header>
        <div class="conversation-grid">
          <ol class="transcript" data-testid="transcript">
            {cv.messages.map((m) => (
              <li
                class={`bubble ${m.direction}${deliveryFailed(m) ? ' failed' : ''}`}
                data-testid="transcript-message"
                data-direction={m.direction}
              >
                <p class="text" data-testid="message-text">
                  {m.text}
                </p>
                <span class="meta">
                  {clockTime(m.at)} · {m.chars} chars ·{' '}
                  <span data-testid="segments">
                    {m.segments} segment{m.segments === 1 ? '' : 's'}
                  </span>{' '}
                  · {m.encoding}
                  {m.truncated ? ' · truncated' : ''} <DeliveryTicks message={m} />
                </span>
              </li>
            ))}
          </ol>
          <aside class="stack">
            <Panel title="Customer" testid="customer-panel">
              {account ? (
                <AccountCard account={account} />
              ) : (
                <ContactCard conversation={cv} contacts={contacts} agentId={params.agent} />
              )}
            </Panel>
            <Panel title="Actions" testid="actions-panel">
              <Actions conversation={cv} agentId={params.agent} queues={queues} holder={holder} />
            </Panel>
          </aside>
        </div>
      </div>
    );
  } catch (error) {
    return <ErrorBox error={error} />;
  }
}
