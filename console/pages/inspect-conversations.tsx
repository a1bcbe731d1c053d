// Inspect › Conversations: every conversation, Closed ones too, searchable by customer, number, state,
// queue, agent and text; each opening its transcript (reference ids, segments, encoding, delivery)
// and its history (conversation-record.tsx).
import { dateTime, prettyPhone } from '../components/format';
import { Badge, Empty, ErrorBox, Panel, STATE_TONE } from '../components/ui';
import type { ConsoleData } from '../data';
import type { ConsoleConversation } from '../data-schemas';

export interface ConversationSearch {
  q?: string | undefined;
  state?: string | undefined;
}

const STATES = ['open', 'active', 'waiting', 'wrap-up', 'closed'];

/** Everything a person might search a conversation by, as one lower-case text. */
function haystack(cv: ConsoleConversation, names: Map<string, string>): string {
  return [
    cv.customerNumber,
    prettyPhone(cv.customerNumber),
    cv.supportNumber,
    cv.state,
    names.get(cv.queueId) ?? cv.queueId,
    cv.agentId ? (names.get(cv.agentId) ?? cv.agentId) : '',
    cv.contactId ? (names.get(cv.contactId) ?? '') : '',
    ...cv.messages.map((m) => m.text),
  ]
    .join('\n')
    .toLowerCase();
}

export async function lookups(data: ConsoleData) {
  const [queues, agents, contacts] = await Promise.all([
    data.queues(),
    data.agents(),
    data.contacts(),
  ]);
  return new Map<string, string>([
    ...queues.map((q) => [q.id, q.name] as const),
    ...agents.map((a) => [a.id, a.name] as const),
    ...contacts.map((c) => [c.id, `${c.firstName} ${c.lastName}`] as const),
  ]);
}

export function SearchForm(props: { search: ConversationSearch }) {
  return (
    <form
      class="inline filters"
      method="get"
      action="/inspect/conversations"
      data-testid="conversation-search-form"
    >
      <input
        name="q"
        type="search"
        value={props.search.q ?? ''}
        placeholder="customer, number, queue, agent or text"
        data-testid="conversation-search"
      />
      <select name="state" data-testid="conversation-state-filter">
        <option value="">any state</option>
        {STATES.map((s) => (
          <option value={s} selected={props.search.state === s}>
            {s}
          </option>
        ))}
      </select>
      <button class="btn primary" type="submit" data-testid="conversation-search-apply">
        Search
      </button>
      <a href="/inspect/conversations">clear</a>
      <a
        class="btn plain"
        href="/console/recordings/session.yaml"
        download
        data-testid="download-session"
      >
        Download the session as a recording
      </a>
    </form>
  );
}

export async function renderConversationList(data: ConsoleData, search: ConversationSearch) {
  try {
    const [all, names] = await Promise.all([data.conversations(), lookups(data)]);
    const q = search.q?.trim().toLowerCase() ?? '';
    const found = all
      .filter((cv) => !search.state || cv.state === search.state)
      .filter((cv) => q === '' || haystack(cv, names).includes(q))
      .sort((a, b) => b.lastActivityAt - a.lastActivityAt);
    return (
      <Panel title={`Conversations (${found.length} of ${all.length})`} testid="conversation-list">
        {found.length === 0 ? (
          <Empty testid="no-conversations-found">No conversation matches.</Empty>
        ) : null}
        <table>
          <thead>
            <tr>
              <th>Customer</th>
              <th>State</th>
              <th>Queue</th>
              <th>Agent</th>
              <th>Last text</th>
              <th>Last activity</th>
            </tr>
          </thead>
          <tbody>
            {found.map((cv) => (
              <tr data-testid="conversation-row" data-conversation-id={cv.id} data-state={cv.state}>
                <td>
                  <a
                    href={`/inspect/conversations/${encodeURIComponent(cv.id)}`}
                    data-testid="conversation-open"
                  >
                    {cv.contactId
                      ? (names.get(cv.contactId) ?? prettyPhone(cv.customerNumber))
                      : prettyPhone(cv.customerNumber)}
                  </a>
                </td>
                <td>
                  <Badge tone={STATE_TONE[cv.state]}>{cv.state}</Badge>
                </td>
                <td>{names.get(cv.queueId) ?? cv.queueId}</td>
                <td>{cv.agentId ? (names.get(cv.agentId) ?? cv.agentId) : '—'}</td>
                <td class="muted ellipsis-cell">{cv.messages.at(-1)?.text.slice(0, 80) ?? ''}</td>
                <td class="mono">{dateTime(cv.lastActivityAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
    );
  } catch (error) {
    return <ErrorBox error={error} />;
  }
}
