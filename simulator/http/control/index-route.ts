// `GET /_sim/`: the control plane's front page (the URL `npm run sim` prints), linking its OpenAPI
// document and docs instead of answering 404. HTML for a browser, JSON for everything else.
import type { Context } from 'hono';

export const controlIndex = {
  name: 'Fake TeleSign control plane',
  openapi: '/_sim/openapi.json',
  events: '/_sim/events',
  docs: 'docs/telesign-api.md (in the project folder)',
  faked_api: ['POST /v1/messaging', 'GET /v1/messaging/{reference_id}'],
  resources: [
    '/_sim/accounts',
    '/_sim/handsets',
    '/_sim/messages',
    '/_sim/journal',
    '/_sim/faults',
    '/_sim/clock',
  ],
};

const page = (): string => {
  const links = controlIndex.resources
    .map((path) => `<li><a href="${path}"><code>GET ${path}</code></a></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Fake TeleSign control plane</title></head>
<body><h1>Fake TeleSign control plane</h1>
<p>Test-only powers beside the faked TeleSign API (<code>POST /v1/messaging</code>,
<code>GET /v1/messaging/{reference_id}</code>). Full reference: <code>docs/telesign-api.md</code> in the project folder.</p>
<ul><li><a href="${controlIndex.openapi}">OpenAPI document</a> (<code>${controlIndex.openapi}</code>)</li>${links}
<li><code>GET ${controlIndex.events}</code> — the journal as server-sent events</li></ul>
</body></html>`;
};

export function controlIndexHandler(c: Context) {
  return (c.req.header('accept') ?? '').includes('text/html')
    ? c.html(page())
    : c.json(controlIndex);
}
