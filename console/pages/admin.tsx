// Admin: work streams with SMS settings (key masked), number, validation, routing rules; queues, contacts, accounts, agents.
import { dateTime, duration, prettyPhone } from '../components/format';
import { ApiButton, Badge, Empty, ErrorBox, Panel, PRESENCE_TONE } from '../components/ui';
import type { ConsoleData } from '../data';
import type { ConsoleQueue, ConsoleWorkStream } from '../data-schemas';

const OUTCOME_TONE: Record<string, string> = { valid: 'green', checking: 'amber' };

function describeCondition(condition: unknown): string {
  if (typeof condition !== 'object' || condition === null) return String(condition);
  const c = condition as Record<string, unknown>;
  if (Array.isArray(c.all)) return `all of (${c.all.map(describeCondition).join('; ')})`;
  if (Array.isArray(c.any)) return `any of (${c.any.map(describeCondition).join('; ')})`;
  const value = Array.isArray(c.value)
    ? `[${c.value.join(', ')}]`
    : c.value === undefined
      ? ''
      : ` "${String(c.value)}"`;
  return `${String(c.field)} ${String(c.op)}${value}`;
}

function WorkStreamCard(props: { ws: ConsoleWorkStream; queues: Map<string, ConsoleQueue> }) {
  const { ws } = props;
  const validation = ws.sms.validation;
  return (
    <article class="card" data-testid="work-stream" data-work-stream-id={ws.id}>
      <header class="card-head">
        <h3>{ws.name}</h3>
        <Badge>{ws.mode}</Badge>
        {ws.sms.missing.length > 0 ? (
          <Badge tone="red" testid="work-stream-missing">
            missing: {ws.sms.missing.join(', ')}
          </Badge>
        ) : (
          <Badge tone="green">ready to route</Badge>
        )}
      </header>
      <dl class="grid-dl">
        <dt>Capacity per conversation</dt>
        <dd>{ws.capacityUnits} units</dd>
        <dt>Allowed presences</dt>
        <dd>{ws.allowedPresences.join(', ')}</dd>
        <dt>Auto-close after inactivity</dt>
        <dd>{duration(ws.autoCloseAfterInactivityMs)}</dd>
        <dt>Offer timeout</dt>
        <dd>{duration(ws.offerTimeoutMs)}</dd>
        <dt>TeleSign customer ID</dt>
        <dd data-testid="sms-customer-id">{ws.sms.customerId ?? '—'}</dd>
        <dt>API key</dt>
        <dd data-testid="sms-api-key">{ws.sms.apiKeyMasked ?? '—'}</dd>
        <dt>TeleSign inbound URL</dt>
        <dd>
          <code data-testid="sms-inbound-url">{ws.sms.inboundUrl}</code>
        </dd>
        <dt>API key validation</dt>
        <dd data-testid="validation-outcome">
          {validation ? (
            <>
              <Badge tone={OUTCOME_TONE[validation.outcome] ?? 'red'}>{validation.outcome}</Badge>{' '}
              <span class="muted">
                {validation.detail} · {dateTime(validation.checkedAt)}
              </span>
            </>
          ) : (
            'never validated'
          )}{' '}
          <ApiButton
            method="POST"
            path={`/api/work-streams/${ws.id}/validate-api-key`}
            testid="validate-api-key"
          >
            Validate API key
          </ApiButton>
        </dd>
        <dt>Number</dt>
        <dd data-testid="work-stream-number">
          {ws.number ? (
            <>
              {ws.number.number} <span class="muted">({ws.number.type})</span>{' '}
              <ApiButton
                method="DELETE"
                path={`/api/work-streams/${ws.id}/numbers/${ws.number.number}`}
                confirm={`Remove ${prettyPhone(ws.number.number)} from ${ws.name}? Texts to it will no longer reach this work stream.`}
                tone="danger"
                testid="remove-number"
              >
                Remove
              </ApiButton>
            </>
          ) : (
            <form
              class="inline"
              data-api={`POST /api/work-streams/${ws.id}/numbers`}
              data-testid="add-number-form"
            >
              <input
                name="number"
                id={`number-${ws.id}`}
                placeholder="14155550123"
                data-check-number
                data-testid="number-input"
              />
              <select name="type">
                <option value="long-code">long code</option>
                <option value="short-code">short code</option>
                <option value="toll-free">toll free</option>
              </select>
              <button class="btn plain" type="submit" data-testid="add-number">
                Add number
              </button>
              <output class="form-error" data-role="error" data-testid="number-error" />
            </form>
          )}
        </dd>
      </dl>
      <h4>Routing rules, in order</h4>
      {ws.routingRules.length === 0 ? (
        <Empty>No rules: everything goes to the default queue.</Empty>
      ) : null}
      <ol class="rules" data-testid="routing-rules">
        {ws.routingRules.map((rule) => (
          <li data-testid="routing-rule" class={rule.disabled ? 'muted' : undefined}>
            <strong>{rule.name}</strong> <code>{describeCondition(rule.condition)}</code> →{' '}
            {props.queues.get(rule.queueId)?.name ?? rule.queueId}
            {rule.disabled ? (
              <>
                {' '}
                <Badge tone="red" testid="routing-rule-disabled">
                  disabled
                </Badge>{' '}
                <span data-testid="routing-rule-disabled-reason">{rule.disabled.reason}</span>
              </>
            ) : null}
          </li>
        ))}
        <li class="muted">otherwise → default queue</li>
      </ol>
    </article>
  );
}

export async function renderAdmin(data: ConsoleData) {
  try {
    const [workStreams, queueList, contacts, accounts, agents] = await Promise.all([
      data.workStreams(),
      data.queues(),
      data.contacts(),
      data.accounts(),
      data.agents(),
    ]);
    const queues = new Map(queueList.map((q) => [q.id, q]));
    return (
      <div class="admin-grid">
        <Panel title={`Work streams (${workStreams.length})`} testid="work-streams">
          <form class="inline check" data-check-form data-testid="number-check-form">
            <label>
              Check a number format{' '}
              <input
                name="number"
                id="number-check"
                placeholder="+1 415 555 0100"
                data-check-number
                data-testid="number-check-input"
              />
            </label>
            <output class="form-error" data-role="check" data-testid="number-check-result" />
          </form>
          {workStreams.map((ws) => (
            <WorkStreamCard ws={ws} queues={queues} />
          ))}
        </Panel>
        <div class="stack">
          <Panel title={`Queues (${queueList.length})`} testid="queues">
            <ul class="plain-list">
              {queueList.map((q) => (
                <li data-testid="queue">
                  {q.name} {q.isDefault ? <Badge>default</Badge> : null}
                </li>
              ))}
            </ul>
          </Panel>
          <Panel title={`Agents (${agents.length})`} testid="agents">
            <table>
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Presence</th>
                  <th>Capacity</th>
                  <th>Queues</th>
                </tr>
              </thead>
              <tbody>
                {agents.map((a) => (
                  <tr data-testid="agent-row">
                    <td>
                      <a href={`/agent/${a.id}`}>{a.name}</a>
                    </td>
                    <td>
                      <Badge tone={PRESENCE_TONE[a.presence]}>{a.presence}</Badge>
                    </td>
                    <td>
                      {a.usedCapacity}/{a.capacity}
                    </td>
                    <td>{a.queueIds.map((id) => queues.get(id)?.name ?? id).join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Panel>
          <Panel title={`Contacts (${contacts.length})`} testid="contacts">
            <table>
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Mobile phone</th>
                  <th>Status</th>
                  <th>Fields</th>
                </tr>
              </thead>
              <tbody>
                {contacts.map((c) => (
                  <tr data-testid="contact-row">
                    <td>
                      {c.firstName} {c.lastName}
                    </td>
                    <td>{c.mobilePhone ? prettyPhone(c.mobilePhone) : '—'}</td>
                    <td>{c.status}</td>
                    <td class="muted">
                      {Object.entries(c.fields)
                        .map(([k, v]) => `${k}: ${v}`)
                        .join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Panel>
          <Panel title={`Accounts (${accounts.length})`} testid="accounts">
            <table>
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Main phone</th>
                  <th>Status</th>
                  <th>Fields</th>
                </tr>
              </thead>
              <tbody>
                {accounts.map((a) => (
                  <tr data-testid="account-row">
                    <td>{a.name}</td>
                    <td>{a.mainPhone ? prettyPhone(a.mainPhone) : '—'}</td>
                    <td>{a.status}</td>
                    <td class="muted">
                      {Object.entries(a.fields)
                        .map(([k, v]) => `${k}: ${v}`)
                        .join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Panel>
        </div>
      </div>
    );
  } catch (error) {
    return <ErrorBox error={error} />;
  }
}
