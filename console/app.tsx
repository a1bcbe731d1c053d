// The console's hono app: pages at /, /phones, /agent, /admin, /telesign, live fragments, static assets.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { createHandsetHandler } from './create-handset';
import { createConsoleData, type FetchLike } from './data';
import { type ConsoleAccess, consoleFrontDoor } from './front-door';
import { normaliseHandsetNumber, randomHandsetNumber } from './handset-number';
import { createLiveHub, type LiveSources } from './live/hub';
import { measureHandler } from './measure';
import { telesignUrlForPage } from './page-origin';
import { conversationHref } from './pages/agent';
import { apiIndex, apiIndexPage } from './pages/api-index';
import { JOURNAL_FILTERS, type JournalFilter } from './pages/inspect-journal';
import {
  conversationRecordPage,
  conversationsPage,
  inspectPage,
  journalEntryPage,
} from './pages/inspect-pages';
import {
  adminPage,
  agentPage,
  type PageContext,
  phonesPage,
  renderFragment,
  telesignPage,
} from './pages/pages';
import type { KnownHandset } from './pages/phones';
import { download, type SessionRecordings } from './recordings';
import { relayHandler } from './relay';
import { renderWithoutAsyncHooks } from './render-without-async-hooks';

export interface ConsoleOptions {
  /** Reaches the channel's HTTP API (in `npm run sim`: the channel app's `request`). */
  channelFetch: FetchLike;
  /** The fake TeleSign's base URL as the browser reaches it (cross-origin, with CORS). */
  telesignUrl: string;
  /** How the console's server reaches the fake TeleSign; defaults to global fetch. */
  telesignFetch?: FetchLike;
  /** Handsets to show before they have texted (the world's, with their names). */
  handsets?: () => KnownHandset[];
  clockKind?: 'real' | 'manual';
  /** The session's live recording, so it can be downloaded as a recording `npm run replay` accepts. */
  recordings?: SessionRecordings;
  random?: () => number;
  /** Who may call besides loopback names and the console's own pages. */
  access?: ConsoleAccess;
  /** Both servers' events in-process (npm run sim); default: their HTTP event streams. */
  liveSources?: LiveSources;
}

const ASSETS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'assets');
const ASSETS: Record<string, string> = {
  'console.js': 'text/javascript; charset=utf-8',
  'api.js': 'text/javascript; charset=utf-8',
  'live.js': 'text/javascript; charset=utf-8',
  'live-swap.js': 'text/javascript; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
  'phones.css': 'text/css; charset=utf-8',
  'pages.css': 'text/css; charset=utf-8',
  'admin.css': 'text/css; charset=utf-8',
  'inspect.css': 'text/css; charset=utf-8',
};

/** A whole page: standards mode (`<!DOCTYPE html>`), never quirks. */
async function page(c: Context, body: Promise<unknown>) {
  return c.html(`<!DOCTYPE html>${String(await body)}`);
}

const wantsHtml = (c: Context): boolean => (c.req.header('accept') ?? '').includes('text/html');

/** A handset search (`/?q=`): at most 40 characters, blank means none. */
const searchParam = (value: string | undefined): string | undefined =>
  value?.trim() ? value.trim().slice(0, 40) : undefined;

/** The journal filters a URL carries (`/inspect?kind=&phone=…`), each cut to a sane length. */
function journalFilter(query: Record<string, string>): JournalFilter {
  const filter: JournalFilter = {};
  for (const key of JOURNAL_FILTERS) {
    const value = query[key]?.trim();
    if (value) filter[key] = value.slice(0, 64);
  }
  return filter;
}

const phoneParam = z.string().regex(/^\d{7,15}$/, 'a handset is its phone number, digits only');
const idParam = z.string().min(1).max(200);
const fragmentQuery = z.record(z.string(), z.string().max(200));
/** `/console/fragments?src=…`: at most 64 fragment paths, each `/console/f/<name>?<query>`. */
const fragmentSources = z
  .array(
    z
      .string()
      .max(600)
      .regex(/^\/console\/f\/[\w-]+(\?|$)/, 'each src is a fragment path, /console/f/<name>?…')
      .transform((src) => {
        const url = new URL(src, 'http://console.local');
        return {
          name: url.pathname.slice('/console/f/'.length),
          query: Object.fromEntries(url.searchParams),
        };
      })
      .pipe(z.object({ name: z.string(), query: fragmentQuery })),
  )
  .min(1, 'name at least one fragment')
  .max(64, 'at most 64 fragments a request');

export function createConsole(options: ConsoleOptions): Hono {
  // Before any page renders: a render must not switch on promise hooks for the whole process.
  renderWithoutAsyncHooks();
  const hub = createLiveHub({
    channelFetch: options.channelFetch,
    telesignFetch: options.telesignFetch ?? ((input, init) => fetch(input, init)),
    telesignUrl: options.telesignUrl,
    ...(options.liveSources ? { sources: options.liveSources } : {}),
  });
  const data = createConsoleData({
    live: hub,
    channelFetch: options.channelFetch,
    telesignUrl: options.telesignUrl,
    ...(options.telesignFetch ? { telesignFetch: options.telesignFetch } : {}),
  });
  const ctx: PageContext = {
    data,
    known: options.handsets ?? (() => []),
    clockKind: options.clockKind ?? 'real',
    telesignUrl: options.telesignUrl,
  };
  const allowedHosts = options.access?.allowedHosts ?? (() => []);
  /** The context of one page: the fake's URL as this page's browser reaches it. */
  const view = (c: Context): PageContext => ({
    ...ctx,
    telesignUrl: telesignUrlForPage(options.telesignUrl, c.req.header('host'), allowedHosts()),
  });
  const assets = new Map(
    Object.entries(ASSETS).map(([name, type]) => [
      name,
      { type, body: readFileSync(join(ASSETS_DIR, name), 'utf8') },
    ]),
  );
  const app = new Hono();
  for (const door of consoleFrontDoor(options.access ?? {}, options.telesignUrl))
    app.use('*', door);
  const notFound = (message: string) =>
    new Response(message, {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });

  app.get('/console/events', (c) => hub.handler(c));
  app.post('/console/measure', measureHandler);
  app.get('/api', (c) => (wantsHtml(c) ? page(c, apiIndexPage(view(c))) : c.json(apiIndex)));
  const relayOptions = {
    channelFetch: options.channelFetch,
    telesignFetch: options.telesignFetch ?? ((input, init) => fetch(input, init)),
    telesignUrl: options.telesignUrl,
  };
  app.post('/console/call', relayHandler(relayOptions));
  app.post('/console/handsets', createHandsetHandler(relayOptions, options.random));
  app.get('/', async (c) =>
    page(c, phonesPage(view(c), undefined, undefined, searchParam(c.req.query('q')))),
  );
  app.get('/phones', (c) => c.redirect('/'));
  app.get('/phones/new', async (c) => {
    const typed = c.req.query('phone') ?? '';
    if (typed.trim() === '') return c.redirect(`/phones/${randomHandsetNumber(options.random)}`);
    const outcome = normaliseHandsetNumber(typed);
    // The page with the form error inline: a 200, so the browser logs no failed load (decision 042).
    if (!outcome.ok) return page(c, phonesPage(view(c), undefined, outcome.message));
    return c.redirect(`/phones/${outcome.phone}`);
  });
  app.get('/phones/:phone', async (c) => {
    const phone = phoneParam.safeParse(c.req.param('phone'));
    if (!phone.success) return notFound(`No such handset: ${phone.error.issues[0]?.message}`);
    return page(c, phonesPage(view(c), phone.data));
  });
  app.get('/agent', async (c) =>
    page(c, agentPage(view(c), { agent: undefined, conversation: undefined })),
  );
  app.get('/agent/:agentId', async (c) =>
    page(c, agentPage(view(c), { agent: c.req.param('agentId'), conversation: undefined })),
  );
  app.get('/agent/:agentId/conversations/:conversationId', async (c) =>
    page(
      c,
      agentPage(view(c), {
        agent: c.req.param('agentId'),
        conversation: c.req.param('conversationId'),
      }),
    ),
  );
  // A conversation's deep link opens it in the workspace of whoever holds or is offered it.
  app.get('/conversations/:id', async (c) => {
    const id = idParam.safeParse(c.req.param('id'));
    if (!id.success) return notFound('No such conversation.');
    try {
      const cv = await data.conversation(id.data);
      const agentId = cv.agentId ?? cv.offer?.agentId ?? (await data.agents())[0]?.id;
      return agentId ? c.redirect(conversationHref(agentId, cv.id)) : c.redirect('/agent');
    } catch {
      return notFound(`No conversation ${id.data}.`);
    }
  });
  app.get('/admin', async (c) => page(c, adminPage(view(c))));
  app.get('/inspect', async (c) => page(c, inspectPage(view(c), journalFilter(c.req.query()))));
  app.get('/inspect/conversations', async (c) =>
    page(
      c,
      conversationsPage(view(c), {
        q: searchParam(c.req.query('q')),
        state: searchParam(c.req.query('state')),
      }),
    ),
  );
  app.get('/inspect/conversations/:id', async (c) => {
    const id = idParam.safeParse(c.req.param('id'));
    if (!id.success) return notFound('No such conversation.');
    return page(c, conversationRecordPage(view(c), id.data));
  });
  app.get('/console/transcripts/:file', async (c) => {
    const id = c.req.param('file').replace(/\.json$/, '');
    try {
      const cv = await data.conversation(id);
      return c.body(
        `${JSON.stringify(cv, null, 2)}\n`,
        200,
        download(`transcript-${id}.json`, 'application/json'),
      );
    } catch {
      return notFound(`No conversation ${id}.`);
    }
  });
  app.get('/console/recordings/:scope{session\\.yaml|conversations/.+\\.yaml}', async (c) => {
    const recordings = options.recordings;
    if (!recordings) return notFound('This console was started without a session recording.');
    const scope = c.req.param('scope');
    const id = scope.startsWith('conversations/') ? scope.slice(14, -5) : undefined;
    const yaml = await recordings.yaml(id);
    if (yaml === null) return notFound(`Conversation ${id} was not opened during this session.`);
    return c.body(
      yaml,
      200,
      download(id ? `conversation-${id}.yaml` : 'session.yaml', 'application/yaml; charset=utf-8'),
    );
  });
  app.get('/inspect/journal/:seq', async (c) => {
    const seq = Number(c.req.param('seq'));
    if (!Number.isInteger(seq) || seq < 1) return notFound('No such journal entry.');
    return page(c, journalEntryPage(view(c), seq));
  });
  app.get('/telesign', async (c) => page(c, telesignPage(view(c))));

  app.get('/console/f/:name', async (c) => {
    const query = fragmentQuery.safeParse(c.req.query());
    if (!query.success) return c.text('bad fragment query', 400);
    const body = await renderFragment(ctx, c.req.param('name'), query.data);
    if (body === null) return notFound('No such fragment.');
    c.header('cache-control', 'no-store');
    return c.html(body);
  });
  // Every region of one refresh in one request: `?src=/console/f/…` repeated, answered in order.
  app.get('/console/fragments', async (c) => {
    const sources = fragmentSources.safeParse(c.req.queries('src') ?? []);
    if (!sources.success)
      return c.text(`src: ${sources.error.issues[0]?.message ?? 'not a fragment'}`, 400);
    const fragments = await Promise.all(
      sources.data.map(async ({ name, query }) => {
        const body = await renderFragment(ctx, name, query);
        return body === null ? null : String(await body.toString());
      }),
    );
    c.header('cache-control', 'no-store');
    return c.json({ fragments });
  });
  app.get('/console/assets/:name', (c) => {
    const asset = assets.get(c.req.param('name'));
    if (!asset) return notFound('No such asset.');
    return c.body(asset.body, 200, { 'content-type': asset.type, 'cache-control': 'no-cache' });
  });
  return app;
}
