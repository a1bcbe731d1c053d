// Run by async-hooks.test.ts in a process of its own: renders one console page, then prints whether
// promise hooks are on (a `then` callback runs in an async id of its own only when they are).
import { executionAsyncId } from 'node:async_hooks';
import { createConsole } from '../../console/app';

const notFound = async () =>
  new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No such resource.' } }), {
    status: 404,
  });
const app = createConsole({
  channelFetch: notFound,
  telesignUrl: 'http://telesign.test',
  telesignFetch: notFound,
});
const page = await app.request('http://127.0.0.1/api', { headers: { accept: 'text/html' } });
const html = await page.text();
const idInThen = await Promise.resolve().then(() => executionAsyncId());
process.stdout.write(JSON.stringify({ status: page.status, rendered: html.length, idInThen }));
