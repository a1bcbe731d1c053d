// `GET /api`: the channel API's front page (the URL `npm run sim` prints), linking its OpenAPI
// document and docs instead of answering 404.
import { Layout } from '../layout';
import type { PageContext } from './pages';

export const apiIndex = {
  name: 'SMS channel API',
  openapi: '/openapi.json',
  events: '/api/events',
  docs: 'docs/channel-api.md (in the project folder)',
  resources: [
    '/api/organisation',
    '/api/work-streams',
    '/api/queues',
    '/api/contacts',
    '/api/agents',
    '/api/conversations',
    '/api/inbound-events',
  ],
};

export async function apiIndexPage(ctx: PageContext) {
  const telesign = ctx.telesignUrl;
  return (
    <Layout title="Channel API" section="index" telesignUrl={telesign} clockKind={ctx.clockKind}>
      <div class="page-head">
        <h1>Channel API</h1>
      </div>
      <section class="panel" data-testid="api-index">
        <div class="panel-body prose">
          <p>
            The organisation's side: work streams, numbers, routing, agents and conversations, as
            JSON under <code>/api/</code>. Full reference: <code>docs/channel-api.md</code> in the
            project folder.
          </p>
          <ul>
            <li>
              <a href={apiIndex.openapi} data-testid="api-openapi">
                OpenAPI document
              </a>{' '}
              (<code>{apiIndex.openapi}</code>)
            </li>
            {apiIndex.resources.map((path) => (
              <li>
                <a href={path}>
                  <code>GET {path}</code>
                </a>
              </li>
            ))}
            <li>
              <code>GET {apiIndex.events}</code> — live events (server-sent events)
            </li>
          </ul>
          <p>
            The fake TeleSign and its control plane:{' '}
            <a href={`${telesign}/_sim/`}>{telesign}/_sim/</a>
          </p>
        </div>
      </section>
    </Layout>
  );
}
