// Every item of a paged channel list (`{ items, next }`, newest first), oldest first, following `next`
// at the largest page size: scenarios and recordings reason about whole, chronological lists.
import type { ApiClient } from './http-client';

const MAX_PAGE = 500;

/** The inbound SMS callbacks the channel received (its journal also keeps delivery reports). */
export const INBOUND_SMS = '/api/inbound-events?kind=sms';

export async function allPages(client: ApiClient, path: string): Promise<unknown[]> {
  const items: unknown[] = [];
  const separator = path.includes('?') ? '&' : '?';
  let cursor: string | null = null;
  do {
    const query: string = `limit=${MAX_PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = (await client.must('GET', `${path}${separator}${query}`)) as {
      items?: unknown;
      next?: unknown;
    } | null;
    if (!page || !Array.isArray(page.items))
      throw new Error(`GET ${path} did not answer a page ({ items, next })`);
    items.push(...page.items);
    cursor = typeof page.next === 'string' ? page.next : null;
  } while (cursor);
  return items.reverse();
}
