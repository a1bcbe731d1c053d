// Whole pages: the frame around each section's live fragments.

import type { ConsoleData } from '../data';
import { Fragment, Layout } from '../layout';
import { renderAdmin } from './admin';
import { type AgentParams, renderAgentPicker, renderAgentSide } from './agent';
import { Composer, renderConversation } from './conversation';
import { type KnownHandset, renderPhones } from './phones';
import { renderTelesign } from './telesign';

export interface PageContext {
  data: ConsoleData;
  known: () => KnownHandset[];
  clockKind: string;
}

const frame = (ctx: PageContext) => ({
  telesignUrl: ctx.data.telesignUrl,
  clockKind: ctx.clockKind,
});

export async function phonesPage(ctx: PageContext, focus: string | undefined, error?: string) {
  const query: Record<string, string> = focus ? { focus } : {};
  return (
    <Layout title="Phones" section="phones" {...frame(ctx)}>
      <div class="page-head">
        <h1>Phones</h1>
        <form class="inline" method="get" action="/phones/new" data-testid="new-handset-form">
          <input
            name="phone"
            placeholder="+1 202 555 0199 or blank for a random one"
            data-testid="new-handset-phone"
          />
          <button class="btn primary" type="submit" data-testid="new-handset">
            New handset
          </button>
          {error ? (
            <output class="form-error" data-testid="new-handset-error">
              {error}
            </output>
          ) : null}
        </form>
      </div>
      <Fragment name="phones" query={query} testid="phones">
        {await renderPhones(ctx.data, ctx.known(), focus)}
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
        <Fragment name="agent-side" query={query} testid="agent-side">
          {await renderAgentSide(ctx.data, params)}
        </Fragment>
        <div class="stack">
          <Fragment name="conversation" query={query} testid="conversation-pane">
            {await renderConversation(ctx.data, params)}
          </Fragment>
          {params.agent && params.conversation ? (
            <Composer agentId={params.agent} conversationId={params.conversation} />
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
      <Fragment name="admin" testid="admin">
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
          {ctx.data.telesignUrl} ·{' '}
          <a href={`${ctx.data.telesignUrl}/_sim/openapi.json`}>control plane OpenAPI</a>
        </span>
      </div>
      <Fragment name="telesign" testid="telesign">
        {await renderTelesign(ctx.data, ctx.known())}
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
      return renderPhones(ctx.data, ctx.known(), query.focus);
    case 'agent-side':
      return renderAgentSide(ctx.data, params);
    case 'conversation':
      return renderConversation(ctx.data, params);
    case 'admin':
      return renderAdmin(ctx.data);
    case 'telesign':
      return renderTelesign(ctx.data, ctx.known());
    default:
      return null;
  }
}
