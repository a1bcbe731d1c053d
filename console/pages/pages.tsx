// Whole pages: the frame around each section's live fragments.

import type { ConsoleData } from '../data';
import { Fragment, Layout } from '../layout';
import { conversationKey } from '../live/keys';
import { renderAccountSettings } from './account-settings';
import { renderAdmin } from './admin';
import { type AgentParams, renderAgentPicker, renderAgentSide } from './agent';
import { Composer, composerReason, renderComposerState } from './composer';
import { renderConversation } from './conversation';
import { renderConversationRecord } from './conversation-record';
import { renderConversationList } from './inspect-conversations';
import { renderInspectJournal } from './inspect-journal';
import { type KnownHandset, renderHandset, renderPhones } from './phones';
import { ResetTraffic } from './reset-traffic';
import { renderTelesign } from './telesign';

export interface PageContext {
  data: ConsoleData;
  known: () => KnownHandset[];
  clockKind: string;
  /** The fake TeleSign's base URL as this page's browser reaches it (the page's own host name). */
  telesignUrl: string;
}

const frame = (ctx: PageContext) => ({
  telesignUrl: ctx.telesignUrl,
  clockKind: ctx.clockKind,
});

export async function phonesPage(
  ctx: PageContext,
  focus: string | undefined,
  error?: string,
  search?: string,
) {
  const query: Record<string, string> = {};
  if (focus) query.focus = focus;
  if (search) query.q = search;
  return (
    <Layout title="Phones" section="phones" {...frame(ctx)}>
      <div class="page-head">
        <h1>Phones</h1>
        {/* Creates the handset at the fake TeleSign (it survives a restart), then opens it. */}
        <form
          class="inline"
          method="get"
          action="/phones/new"
          data-api="POST /console/handsets"
          data-target="console"
          data-then="/phones/{phone}"
          data-testid="new-handset-form"
        >
          <input
            name="phone"
            id="new-handset-phone"
            placeholder="+1 202 555 0199 or blank for a random one"
            data-testid="new-handset-phone"
          />
          <button class="btn primary" type="submit" data-testid="new-handset">
            New handset
          </button>
          <output class="form-error" data-role="error" data-testid="new-handset-error">
            {error ?? ''}
          </output>
        </form>
        <form class="inline" method="get" action="/" data-testid="handset-search-form">
          <input
            name="q"
            type="search"
            value={search ?? ''}
            placeholder="Find a handset: number or name"
            data-testid="handset-search"
          />
          <button class="btn plain" type="submit">
            Search
          </button>
        </form>
      </div>
      <Fragment name="phones" query={query} keys={['handsets', 'admin']} testid="phones">
        {await renderPhones(ctx.data, ctx.known(), { focus, q: search })}
      </Fragment>
    </Layout>
  );
}

export async function agentPage(ctx: PageContext, params: AgentParams) {
  const query: Record<string, string> = {};
  if (params.agent) query.agent = params.agent;
  if (params.conversation) query.conversation = params.conversation;
  return (
    <Layout title="Agent workspace" section="agent" {...frame(ctx)}>
      <div class="page-head">
        <h1>Agent workspace</h1>
        {await renderAgentPicker(ctx.data, params.agent)}
      </div>
      <div class="workspace">
        <Fragment
          name="agent-side"
          query={query}
          keys={['conversations', 'agents', 'admin']}
          testid="agent-side"
        >
          {await renderAgentSide(ctx.data, params)}
        </Fragment>
        <div class="stack">
          <Fragment
            name="conversation"
            query={query}
            keys={[
              params.conversation ? conversationKey(params.conversation) : 'conversations',
              'agents',
              'admin',
            ]}
            testid="conversation-pane"
          >
            {await renderConversation(ctx.data, params)}
          </Fragment>
          {params.agent && params.conversation ? (
            <Composer
              agentId={params.agent}
              conversationId={params.conversation}
              reason={await composerReason(ctx.data, params.agent, params.conversation)}
              state={
                <Fragment
                  name="composer-state"
                  query={query}
                  keys={[conversationKey(params.conversation), 'agents']}
                  testid="composer-state"
                >
                  {await renderComposerState(ctx.data, params)}
                </Fragment>
              }
            />
          ) : null}
        </div>
      </div>
    </Layout>
  );
}

export async function adminPage(ctx: PageContext) {
  return (
    <Layout title="Admin" section="admin" {...frame(ctx)}>
      <div class="page-head">
        <h1>Admin</h1>
      </div>
      <Fragment name="admin" keys={['admin', 'agents']} testid="admin">
        {await renderAdmin(ctx.data)}
      </Fragment>
    </Layout>
  );
}

export async function telesignPage(ctx: PageContext) {
  return (
    <Layout title="TeleSign" section="telesign" {...frame(ctx)}>
      <div class="page-head">
        <h1>Fake TeleSign</h1>
        <span class="muted">
          {ctx.telesignUrl} ·{' '}
          <a href={`${ctx.telesignUrl}/_sim/openapi.json`}>control plane OpenAPI</a>
        </span>
        <ResetTraffic />
      </div>
      <Fragment name="telesign" keys={['journal', 'telesign', 'handsets']} testid="telesign">
        {await renderTelesign(ctx.data, ctx.known())}
      </Fragment>
      <h2 class="section-head">Account settings</h2>
      {/* Sends change the balance and the cap's count: the journal's key refreshes them too. */}
      <Fragment name="account-settings" keys={['telesign', 'journal']} testid="settings">
        {await renderAccountSettings(ctx.data)}
      </Fragment>
    </Layout>
  );
}

/** The live regions, re-rendered on their own when an event arrives. */
export async function renderFragment(
  ctx: PageContext,
  name: string,
  query: Record<string, string | undefined>,
) {
  const params: AgentParams = { agent: query.agent, conversation: query.conversation };
  switch (name) {
    case 'phones':
      return renderPhones(ctx.data, ctx.known(), { focus: query.focus, q: query.q });
    case 'handset':
      return query.phone && /^\d{5,15}$/.test(query.phone)
        ? renderHandset(
            ctx.data,
            ctx.known(),
            query.phone,
            query.focus === query.phone,
            query.known === '1',
          )
        : null;
    case 'agent-side':
      return renderAgentSide(ctx.data, params);
    case 'conversation':
      return renderConversation(ctx.data, params);
    case 'composer-state':
      return renderComposerState(ctx.data, params);
    case 'admin':
      return renderAdmin(ctx.data);
    case 'inspect-conversations':
      return renderConversationList(ctx.data, { q: query.q, state: query.state });
    case 'conversation-record':
      return query.id ? renderConversationRecord(ctx.data, query.id) : null;
    case 'inspect-journal':
      return renderInspectJournal(ctx.data, query);
    case 'telesign':
      return renderTelesign(ctx.data, ctx.known());
    case 'account-settings':
      return renderAccountSettings(ctx.data);
    default:
      return null;
  }
}
