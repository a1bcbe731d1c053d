// The Inspect section's pages: the journal (filters in the URL), one entry in full, conversations.
import { Fragment, Layout } from '../layout';
import { conversationKey } from '../live/keys';
import { renderConversationRecord } from './conversation-record';
import {
  type ConversationSearch,
  renderConversationList,
  SearchForm,
} from './inspect-conversations';
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
      telesignUrl={ctx.telesignUrl}
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
      telesignUrl={ctx.telesignUrl}
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

export async function conversationsPage(ctx: PageContext, search: ConversationSearch) {
  const query: Record<string, string> = {};
  if (search.q) query.q = search.q;
  if (search.state) query.state = search.state;
  return (
    <Layout
      title="Conversations"
      section="inspect"
      telesignUrl={ctx.telesignUrl}
      clockKind={ctx.clockKind}
    >
      <div class="page-head">
        <h1>Inspect</h1>
        <Tabs active="conversations" />
      </div>
      <SearchForm search={search} />
      <Fragment
        name="inspect-conversations"
        query={query}
        keys={['conversations']}
        testid="inspect-conversations"
      >
        {await renderConversationList(ctx.data, search)}
      </Fragment>
    </Layout>
  );
}

export async function conversationRecordPage(ctx: PageContext, id: string) {
  return (
    <Layout
      title="Conversation"
      section="inspect"
      telesignUrl={ctx.telesignUrl}
      clockKind={ctx.clockKind}
    >
      <div class="page-head">
        <h1>Conversation</h1>
        <Tabs active="conversations" />
      </div>
      <Fragment
        name="conversation-record"
        query={{ id }}
        keys={[conversationKey(id)]}
        testid="inspect-conversation"
      >
        {await renderConversationRecord(ctx.data, id)}
      </Fragment>
    </Layout>
  );
}
