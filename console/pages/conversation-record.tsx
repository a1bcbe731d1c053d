// Inspect › one conversation: its facts, the downloads (a recording `npm run replay` accepts, the
// transcript as JSON), the transcript (reference ids, segments, encoding, delivery) and its histories.
import { dateTime, prettyPhone } from '../components/format';
import { Badge, ErrorBox, Panel, STATE_TONE } from '../components/ui';
import type { ConsoleData } from '../data';
import { ConversationHistory } from './conversation-history';
import { lookups } from './inspect-conversations';

export async function renderConversationRecord(data: ConsoleData, id: string) {
  try {
    const [cv, names] = await Promise.all([data.conversation(id), lookups(data)]);
    return (
      <div
        class="stack"
        data-testid="conversation-record"
        data-conversation-id={cv.id}
        data-state={cv.state}
      >
        <Panel
          title={`${prettyPhone(cv.customerNumber)} → ${prettyPhone(cv.supportNumber)}`}
          testid="conversation-facts"
        >
          <p>
            <Badge tone={STATE_TONE[cv.state]}>{cv.state}</Badge> queue{' '}
            {names.get(cv.queueId) ?? cv.queueId} · routed by{' '}
            {cv.routedBy === 'default' ? 'default' : cv.routedBy.ruleName} · agent{' '}
            {cv.agentId ? (names.get(cv.agentId) ?? cv.agentId) : '—'} · opened{' '}
            {dateTime(cv.createdAt)}
          </p>
          <p class="actions">
            <a
              class="btn primary"
              href={`/console/recordings/conversations/${encodeURIComponent(cv.id)}.yaml`}
              download
              data-testid="download-recording"
            >
              Download as a recording (npm run replay)
            </a>
            <a
              class="btn plain"
              href={`/console/transcripts/${encodeURIComponent(cv.id)}.json`}
              download
              data-testid="download-transcript"
            >
              Download the transcript (JSON)
            </a>
            <a href={`/conversations/${encodeURIComponent(cv.id)}`}>Open in the agent workspace</a>
          </p>
        </Panel>
        <Panel title={`Transcript (${cv.messages.length})`} testid="record-transcript">
          <table>
            <thead>
              <tr>
                <th>Time</th>
                <th>Direction</th>
                <th>Text</th>
                <th>Chars · segments · encoding</th>
                <th>TeleSign reference</th>
                <th>Delivery</th>
              </tr>
            </thead>
            <tbody>
              {cv.messages.map((m) => (
                <tr data-testid="record-message" data-direction={m.direction}>
                  <td class="mono">{dateTime(m.at)}</td>
                  <td>{m.direction}</td>
                  <td>
                    {m.text}
                    {m.truncated ? ' (truncated)' : ''}
                  </td>
                  <td data-testid="record-segments">
                    {m.chars} · {m.segments} · {m.encoding}
                  </td>
                  <td class="mono">
                    {m.telesignReferenceId ? (
                      <a
                        href={`/inspect?reference_id=${m.telesignReferenceId}`}
                        data-testid="record-reference"
                      >
                        {m.telesignReferenceId}
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    {m.failure
                      ? `✗ ${String(m.failure.code)} ${m.failure.description}`
                      : m.delivery
                        ? `${m.delivery.code} ${m.delivery.description}`
                        : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
        <ConversationHistory cv={cv} names={names} />
      </div>
    );
  } catch (error) {
    return <ErrorBox error={error} />;
  }
}
