// The Inspect section's pages: the journal (filters in the URL), one entry in full, conversations.
import { Fragment, Layout } from '../layout';
import { FilterForm, type JournalFilter, renderInspectJournal } from './inspect-journal';
import { renderJournalEntry } from './journal-entry';
import type { PageContext } from './pages';

function Tabs(props: { active: 'journal' | 'conversations' }) {
  return (
    <nav class="tabs" data-testid="inspect-tabs">
      <a href="/inspect" class={props.active === 'journal' ? 'active' : ''}>
        TeleSign journal
      </a>
      <a href="/inspect/conversations" class={props.active === 'conversations' ? 'active' : ''}>
        Conversations
      </a>
    </nav>
  );
}

export async function inspectPage(ctx: PageContext, filter: JournalFilter) {
  return (
    <Layout
      title="Inspect"
      section="inspect"
      telesignUrl={ctx.data.telesignUrl}
      clockKind={ctx.clockKind}
    >
      <div class="page-head">
        <h1>Inspect</h1>
        <Tabs active="journal" />
      </div>
      <FilterForm filter={filter} />
      <Fragment name="inspect-journal" query={filter} keys={['journal']} testid="inspect">
        {await renderInspectJournal(ctx.data, filter)}
      </Fragment>
    </Layout>
  );
}

export async function journalEntryPage(ctx: PageContext, seq: number) {
  return (
    <Layout
      title={`Journal #${seq}`}
      section="inspect"
      telesignUrl={ctx.data.telesignUrl}
      clockKind={ctx.clockKind}
    >
      <div class="page-head">
        <h1>Journal entry #{seq}</h1>
        <Tabs active="journal" />
      </div>
      {await renderJournalEntry(ctx.data, seq)}
    </Layout>
  );
}
