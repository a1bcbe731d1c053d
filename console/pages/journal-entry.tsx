// Inspect › one journal entry in full: request and response, TeleSign's status code and description,
// the signature verdict with what was signed, every attempt of a callback, a message's delivery walk.
import { curlFor, Exchange, teleSignStatus } from '../components/exchange';
import { dateTime, prettyPhone } from '../components/format';
import { Badge, ErrorBox, Panel } from '../components/ui';
import type { ConsoleData } from '../data';
import type { ConsoleJournalEntry } from '../telesign-schemas';

/** How the signature fared: the fake's own answer for a request, the receiver's for a callback. */
function verdict(e: ConsoleJournalEntry): { text: string; tone: string } {
  const auth = e.request?.headers.authorization ?? '';
  if (e.kind === 'api') {
    if (auth.startsWith('Basic'))
      return { text: 'Basic authentication (not signed)', tone: 'grey' };
    if (!e.signature) return { text: 'No Authorization header', tone: 'red' };
    if (e.status === 401) return { text: '✗ TSA signature refused by TeleSign', tone: 'red' };
    return { text: '✓ TSA signature verified by TeleSign', tone: 'green' };
  }
  if (e.status === 401 || e.status === 403)
    return { text: `✗ signed, but the receiver refused it (HTTP ${e.status})`, tone: 'red' };
  return { text: '✓ signed by TeleSign (HMAC-SHA256 of the raw body)', tone: 'green' };
}

async function Attempts(props: { data: ConsoleData; entry: ConsoleJournalEntry }) {
  const { entry } = props;
  if (entry.kind !== 'callback' || !entry.referenceId) return null;
  const all = await props.data.journal(200, { kind: 'callback', reference_id: entry.referenceId });
  const same = all.filter((e) => e.url === entry.url);
  return (
    <Panel title={`Every attempt of this callback (${same.length})`} testid="callback-attempts">
      <ol class="plain-list">
        {same.map((e) => (
          <li data-testid="callback-attempt">
            <a href={`/inspect/journal/${e.seq}`}>
              attempt {e.attempt ?? '?'} · {dateTime(e.at)}
            </a>{' '}
            · {e.status !== undefined ? `HTTP ${e.status}` : 'no answer'} · {e.detail}
            {e.seq === entry.seq ? <Badge>this one</Badge> : null}
          </li>
        ))}
      </ol>
    </Panel>
  );
}

async function DeliveryWalk(props: { data: ConsoleData; referenceId: string | undefined }) {
  if (!props.referenceId) return null;
  let message: Awaited<ReturnType<ConsoleData['telesignMessage']>>;
  try {
    message = await props.data.telesignMessage(props.referenceId);
  } catch {
    return null; // an inbound SMS has no outbound message record to walk
  }
  return (
    <Panel title="The message's delivery walk" testid="delivery-walk">
      <p class="muted">
        to {prettyPhone(message.phone_number)} · {message.segments ?? '?'} segment(s) · submitted{' '}
        {dateTime(message.submit_timestamp)}
      </p>
      <ol class="plain-list">
        {message.history.map((s) => (
          <li data-testid="delivery-step">
            <span class="mono">{s.updated_on ?? ''}</span> <strong>{s.code}</strong> {s.description}
          </li>
        ))}
      </ol>
    </Panel>
  );
}

export async function renderJournalEntry(data: ConsoleData, seq: number) {
  try {
    const e = await data.journalEntry(seq);
    const answer = e.response ? teleSignStatus(e.response.body) : null;
    const check = verdict(e);
    const curl = e.request ? curlFor(e.request) : null;
    return (
      <div class="stack" data-testid="journal-detail" data-seq={String(e.seq)}>
        <Panel title={`#${e.seq} · ${e.kind} · ${dateTime(e.at)}`} testid="journal-summary">
          <p class="mono">
            {[e.method, e.url ?? e.path].filter(Boolean).join(' ')}
            {e.status !== undefined ? ` → HTTP ${e.status}` : ''}
          </p>
          {answer ? (
            <p data-testid="telesign-status">
              TeleSign status <strong data-testid="telesign-code">{answer.code}</strong>{' '}
              <span data-testid="telesign-description">{answer.description}</span>
              {answer.errors.map((x) => (
                <span class="muted">
                  {' '}
                  · error {x.code}: {x.description}
                </span>
              ))}
            </p>
          ) : null}
          <p class="muted">{e.detail}</p>
          {e.kind === 'api' || e.kind === 'callback' ? (
            <>
              <p data-testid="signature-verdict">
                <Badge tone={check.tone}>{check.text}</Badge>
              </p>
              {e.signed !== undefined ? (
                <details data-testid="signed-details">
                  <summary>What was signed</summary>
                  <pre class="code" data-testid="signed-text">
                    {e.signed}
                  </pre>
                </details>
              ) : null}
            </>
          ) : null}
          {curl ? (
            <div class="curl">
              <button type="button" class="btn plain" data-copy="curl-text" data-testid="copy-curl">
                Copy as curl
              </button>
              <span class="muted">
                {e.kind === 'callback'
                  ? ' re-sends this callback to the receiver, byte for byte'
                  : ' sends the same bytes; TeleSign refuses a reused nonce (10002), so re-sign for a new request'}
              </span>
              <pre class="code" id="curl-text" data-testid="curl-text">
                {curl}
              </pre>
            </div>
          ) : null}
        </Panel>
        {e.request ? (
          <Exchange title="Request" exchange={e.request} testid="journal-request" />
        ) : null}
        {e.response ? (
          <Exchange title="Response" exchange={e.response} testid="journal-response" />
        ) : null}
        {await Attempts({ data, entry: e })}
        {await DeliveryWalk({ data, referenceId: e.referenceId })}
      </div>
    );
  } catch (error) {
    return <ErrorBox error={error} />;
  }
}
