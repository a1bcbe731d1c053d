// Inspect › Journal: every request and callback the fake TeleSign saw, filtered by what the URL says
// (kind, phone, reference id, status or TeleSign code, time), each row opening in full.

import { teleSignStatus } from '../components/exchange';
import { clockTime, prettyPhone } from '../components/format';
import { Badge, Empty, ErrorBox, Panel } from '../components/ui';
import type { ConsoleData } from '../data';
import type { ConsoleJournalEntry } from '../telesign-schemas';

export const JOURNAL_FILTERS = ['kind', 'phone', 'reference_id', 'status', 'from', 'to'] as const;
export type JournalFilter = Partial<Record<(typeof JOURNAL_FILTERS)[number], string>>;

const KINDS = ['api', 'callback', 'state', 'control'];
/** Rows shown; the fake is asked for more so that status and time filters still find enough. */
const SHOWN = 200;
const READ = 2000;

/** The HTTP status and TeleSign code of an entry, as one can search for either. */
function codesOf(e: ConsoleJournalEntry): number[] {
  const codes = [e.status, e.code].filter((c): c is number => c !== undefined);
  const answer = e.response ? teleSignStatus(e.response.body) : null;
  if (answer) codes.push(answer.code, ...answer.errors.map((x) => x.code));
  return codes;
}

export function matches(e: ConsoleJournalEntry, f: JournalFilter): boolean {
  if (f.status && !codesOf(e).includes(Number(f.status))) return false;
  if (f.from && e.at < f.from) return false;
  // `to` is inclusive to its precision: 16:25 keeps everything up to 16:25:59.999.
  if (f.to && e.at > `${f.to}\uffff`) return false;
  return true;
}

/** Outside the live region: a refresh never eats what is being typed. */
export function FilterForm(props: { filter: JournalFilter }) {
  const f = props.filter;
  return (
    <form class="inline filters" method="get" action="/inspect" data-testid="journal-filters">
      <select name="kind" id="filter-kind" data-testid="filter-kind">
        <option value="">any kind</option>
        {KINDS.map((k) => (
          <option value={k} selected={f.kind === k}>
            {k}
          </option>
        ))}
      </select>
      <input
        name="phone"
        value={f.phone ?? ''}
        placeholder="phone (digits)"
        data-testid="filter-phone"
      />
      <input
        name="reference_id"
        value={f.reference_id ?? ''}
        placeholder="reference id"
        data-testid="filter-reference"
      />
      <input
        name="status"
        value={f.status ?? ''}
        placeholder="status or code"
        class="narrow-wide"
        data-testid="filter-status"
      />
      <input
        name="from"
        value={f.from ?? ''}
        placeholder="from 2026-11-30T16:20"
        data-testid="filter-from"
      />
      <input name="to" value={f.to ?? ''} placeholder="to (UTC)" data-testid="filter-to" />
      <button class="btn primary" type="submit" data-testid="filter-apply">
        Filter
      </button>
      <a href="/inspect">clear</a>
    </form>
  );
}

function Row(props: { entry: ConsoleJournalEntry }) {
  const e = props.entry;
  const answer = e.response ? teleSignStatus(e.response.body) : null;
  return (
    <tr data-testid="inspect-entry" data-kind={e.kind} data-seq={String(e.seq)}>
      <td class="mono">
        <a href={`/inspect/journal/${e.seq}`} data-testid="inspect-open">
          {clockTime(e.at)}
        </a>
      </td>
      <td>
        <Badge tone={e.kind === 'api' ? 'blue' : e.kind === 'callback' ? 'violet' : ''}>
          {e.kind}
        </Badge>
      </td>
      <td class="mono ellipsis" title={e.url ?? e.path ?? ''}>
        {[e.method, e.path ?? e.url].filter(Boolean).join(' ')}
      </td>
      <td>{e.status ?? '—'}</td>
      <td data-testid="inspect-code">
        {answer ? `${answer.code} ${answer.description}` : (e.code ?? '—')}
      </td>
      <td>{e.phone ? prettyPhone(e.phone) : '—'}</td>
      <td class="detail">{e.detail}</td>
    </tr>
  );
}

export async function renderInspectJournal(data: ConsoleData, filter: JournalFilter) {
  try {
    const upstream: Record<string, string> = {};
    if (filter.kind) upstream.kind = filter.kind;
    if (filter.phone) upstream.phone = filter.phone.replace(/\D/g, '');
    if (filter.reference_id) upstream.reference_id = filter.reference_id;
    const read = await data.journal(READ, upstream);
    const rows = read
      .filter((e) => matches(e, filter))
      .reverse()
      .slice(0, SHOWN);
    return (
      <Panel title={`Journal (${rows.length} shown, newest first)`} testid="inspect-journal">
        {rows.length === 0 ? (
          <Empty testid="inspect-empty">Nothing matches these filters.</Empty>
        ) : null}
        <table class="journal">
          <colgroup>
            <col style="width: 80px" />
            <col style="width: 86px" />
            <col style="width: 26%" />
            <col style="width: 60px" />
            <col style="width: 24%" />
            <col style="width: 130px" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>Time</th>
              <th>Kind</th>
              <th>Request</th>
              <th>HTTP</th>
              <th>TeleSign status</th>
              <th>Phone</th>
              <th>Detail</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entry) => (
              <Row entry={entry} />
            ))}
          </tbody>
        </table>
      </Panel>
    );
  } catch (error) {
    return <ErrorBox error={error} />;
  }
}
