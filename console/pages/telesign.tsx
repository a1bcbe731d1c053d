// The fake TeleSign's side: journal of requests and callbacks, delivery policy per handset, faults, the clock.

import { teleSignStatus } from '../components/exchange';
import { clockTime, dateTime, prettyPhone } from '../components/format';
import { ApiButton, Badge, Empty, ErrorBox, Panel } from '../components/ui';
import type { ConsoleData } from '../data';
import type { ConsoleJournalEntry } from '../telesign-schemas';
import type { KnownHandset } from './phones';

const HOUR = 3_600_000;
const ADVANCES = [
  { label: '+1 min', ms: 60_000, testid: 'advance-1m' },
  { label: '+1 h', ms: HOUR, testid: 'advance-1h' },
  { label: '+8 h', ms: 8 * HOUR, testid: 'advance-8h' },
  { label: '+1 day', ms: 24 * HOUR, testid: 'advance-1d' },
];

/** Which fault kinds each target accepts (docs/telesign-api.md): the form offers only those. */
const FAULT_KINDS = [
  { target: 'api', label: 'API request', kinds: ['unavailable', 'non-json', 'empty', 'hang'] },
  {
    target: 'callback',
    label: 'callback',
    kinds: ['fail', 'refuse', 'duplicate', 'delay', 'out-of-order'],
  },
];

const POLICIES = [
  { value: 'default', label: 'default (290 → 203 → 200)' },
  { value: 'immediate', label: 'immediate (200 at once)' },
  { value: 'stuck', label: 'stuck (never reports)' },
  { value: 'unknown-number', label: 'unknown number' },
  { value: '{"fail":210}', label: 'fail 210 temporary phone error' },
  { value: '{"fail":211}', label: 'fail 211 permanent phone error' },
  { value: '{"fail":220}', label: 'fail 220 cannot route' },
  { value: '{"after":30000}', label: 'delivered after 30 s' },
];

/** The option value of a handset's delivery setting (`{ policy }`), as the select lists it. */
function policyValue(delivery: unknown): string {
  if (typeof delivery !== 'object' || delivery === null) return 'default';
  const policy = (delivery as { policy?: unknown }).policy;
  return typeof policy === 'string' ? policy : JSON.stringify(policy);
}

/** API requests and callbacks are the traffic; state and control entries are the fake's own notes. */
const KIND_TONE: Record<string, string> = { api: 'blue', callback: 'violet' };

function statusTone(status: number | undefined): string {
  if (status === undefined) return '';
  if (status < 300) return 'green';
  if (status < 500) return 'amber';
  return 'red';
}

/** Whether the request or callback carried a signature, and how it fared (401 = refused). */
function signatureCheck(e: ConsoleJournalEntry): { text: string; tone: string } {
  if (e.kind !== 'api' && e.kind !== 'callback') return { text: '—', tone: '' };
  if (!e.signature) return { text: e.kind === 'api' ? 'Basic / none' : 'unsigned', tone: 'grey' };
  if (e.status === 401) return { text: '✗ refused', tone: 'red' };
  if (e.status === undefined) return { text: 'signed', tone: '' };
  return { text: e.kind === 'api' ? '✓ TSA verified' : '✓ signed', tone: 'green' };
}

/** A callback URL is long and secret-ish; its path is what tells entries apart. */
function shortTarget(e: ConsoleJournalEntry): string {
  if (e.path) return e.path;
  if (!e.url) return '';
  try {
    const path = new URL(e.url).pathname;
    return path.length > 48 ? `${path.slice(0, 45)}…` : path;
  } catch {
    return e.url;
  }
}

function JournalRow(props: { entry: ConsoleJournalEntry }) {
  const e = props.entry;
  const check = signatureCheck(e);
  const answer = e.kind === 'api' && e.response ? teleSignStatus(e.response.body) : null;
  return (
    <tr data-testid="journal-entry" data-kind={e.kind}>
      <td class="mono">
        <a href={`/inspect/journal/${e.seq}`} title="Open the request and response in full">
          {clockTime(e.at)}
        </a>
      </td>
      <td>
        <Badge tone={KIND_TONE[e.kind] ?? ''}>{e.kind}</Badge>
      </td>
      <td class="mono ellipsis" title={e.url ?? e.path ?? ''}>
        {[e.method, shortTarget(e)].filter(Boolean).join(' ')}
      </td>
      <td>
        {e.status !== undefined ? <Badge tone={statusTone(e.status)}>{e.status}</Badge> : '—'}
        {answer && answer.code !== e.status ? (
          <span class="mono" data-testid="journal-code" title={answer.description}>
            {' '}
            {answer.code}
          </span>
        ) : null}
      </td>
      <td title={e.signature ?? ''} data-testid="journal-signature">
        {check.tone ? <Badge tone={check.tone}>{check.text}</Badge> : check.text}
      </td>
      <td data-testid="journal-attempt">{e.attempt ?? '—'}</td>
      <td class="detail">{e.detail}</td>
    </tr>
  );
}

export async function renderTelesign(data: ConsoleData, known: KnownHandset[]) {
  try {
    const [clock, journal, faults, handsets] = await Promise.all([
      data.clock(),
      data.journal(200),
      data.faults(),
      data.handsets(),
    ]);
    const phones = [
      ...new Set([...known.map((k) => k.phone), ...handsets.map((h) => h.phone)]),
    ].sort();
    const current = new Map(handsets.map((h) => [h.phone, policyValue(h.delivery)]));
    return (
      <div class="telesign-grid">
        <Panel title={`Journal (last ${journal.length})`} testid="journal">
          {journal.length === 0 ? <Empty>No traffic yet.</Empty> : null}
          <table class="journal">
            <colgroup>
              <col style="width: 72px" />
              <col style="width: 82px" />
              <col style="width: 32%" />
              <col style="width: 60px" />
              <col style="width: 120px" />
              <col style="width: 62px" />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th>Time</th>
                <th>Kind</th>
                <th>Request</th>
                <th>Status</th>
                <th>Signature</th>
                <th>Attempt</th>
                <th>Detail</th>
              </tr>
            </thead>
            <tbody>
              {[...journal].reverse().map((entry) => (
                <JournalRow entry={entry} />
              ))}
            </tbody>
          </table>
        </Panel>
        <div class="stack">
          <Panel title="Clock" testid="clock">
            <p>
              <Badge>{clock.kind}</Badge> <span data-testid="clock-now">{dateTime(clock.now)}</span>
            </p>
            {clock.kind === 'manual' ? (
              <div class="actions">
                {ADVANCES.map((a) => (
                  <ApiButton
                    method="POST"
                    path="/_sim/clock/advance"
                    body={{ ms: a.ms }}
                    target="telesign"
                    testid={a.testid}
                  >
                    {a.label}
                  </ApiButton>
                ))}
              </div>
            ) : (
              <p class="muted">Real time. Start with --clock manual to move time by hand.</p>
            )}
          </Panel>
          <Panel title={`Faults (${faults.length})`} testid="faults">
            {faults.map((f) => (
              <p data-testid="fault">
                <Badge tone="red">{f.target}</Badge> {f.kind} · {f.remaining} left
                {f.customerId ? ` · ${f.customerId}` : ''}
              </p>
            ))}
            <form
              class="inline"
              data-api="PUT /_sim/faults"
              data-target="telesign"
              data-testid="fault-form"
            >
              <select name="fault" id="fault-kind" data-type="merge-json" data-testid="fault-kind">
                {FAULT_KINDS.map((group) => (
                  <optgroup label={group.label}>
                    {group.kinds.map((k) => (
                      <option
                        value={JSON.stringify({ target: group.target, kind: k })}
                      >{`${group.label}: ${k}`}</option>
                    ))}
                  </optgroup>
                ))}
              </select>
              <input
                name="count"
                id="fault-count"
                type="number"
                min="1"
                value="1"
                data-type="number"
                class="narrow"
              />
              <button class="btn plain" type="submit" data-testid="add-fault">
                Inject
              </button>
              <output class="form-error" data-role="error" />
            </form>
            {faults.length > 0 ? (
              <ApiButton
                method="DELETE"
                path="/_sim/faults"
                target="telesign"
                tone="danger"
                testid="clear-faults"
              >
                Clear faults
              </ApiButton>
            ) : null}
          </Panel>
          <Panel title="Delivery policy per handset" testid="delivery-policies">
            {phones.map((phone) => (
              <form
                data-api={`PUT /_sim/handsets/${phone}/delivery`}
                data-target="telesign"
                data-testid="delivery-policy"
                data-phone={phone}
                class="inline policy-row"
              >
                <span class="phone-label">{prettyPhone(phone)}</span>
                <select
                  name="policy"
                  data-type="json-or-string"
                  data-submit-on-change
                  id={`policy-${phone}`}
                >
                  {POLICIES.map((p) => (
                    <option
                      value={p.value}
                      selected={p.value === (current.get(phone) ?? 'default')}
                    >
                      {p.label}
                    </option>
                  ))}
                </select>
                <output class="form-error" data-role="error" />
              </form>
            ))}
          </Panel>
        </div>
      </div>
    );
  } catch (error) {
    return <ErrorBox error={error} />;
  }
}
