import { describe, expect, it } from 'vitest';
import { createConsole } from './app';

type Routes = Record<string, unknown>;

/** A stand-in for an API: answers the listed paths with JSON, everything else 404. */
const fakeApi = (routes: Routes) => async (input: string | URL | Request) => {
  const url = new URL(String(input instanceof Request ? input.url : input));
  const key = `${url.pathname}${url.search}`;
  const body = routes[key] ?? routes[url.pathname];
  return body === undefined
    ? new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No such resource.' } }), {
        status: 404,
      })
    : new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};

const conversation = {
  id: 'cv_1',
  workStreamId: 'ws_1',
  customerNumber: '12025550101',
  supportNumber: '14155550100',
  state: 'active',
  queueId: 'q_1',
  routedBy: 'default',
  contactMatch: 'none',
  agentId: 'ag_1',
  createdAt: 0,
  lastActivityAt: 0,
  messages: [],
};

const app = createConsole({
  channelFetch: fakeApi({
    '/api/conversations/cv_1': conversation,
    '/api/agents': [],
    '/api/work-streams': [],
    '/api/contacts': [],
    '/api/queues': [{ id: 'q_1', name: 'billing', isDefault: false }],
  }),
  telesignUrl: 'http://telesign.test',
  telesignFetch: fakeApi({ '/_sim/handsets': [], '/_sim/messages': [] }),
  random: () => 0,
});

describe('console routes', () => {
  it('opens a conversation deep link in the workspace of the agent who holds it', async () => {
    const response = await app.request('/conversations/cv_1');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/agent/ag_1/conversations/cv_1');
  });

  it('creates a random handset in the fictional 555-01xx range when no number is typed', async () => {
    const response = await app.request('/phones/new?phone=');
    expect(response.headers.get('location')).toBe('/phones/12025550100');
  });

  it('normalises a typed handset number into TeleSign digits', async () => {
    const response = await app.request(
      `/phones/new?phone=${encodeURIComponent('+1 (617) 555-0142')}`,
    );
    expect(response.headers.get('location')).toBe('/phones/16175550142');
  });

  it('shows a typed handset number that is not a phone number inline on the page, saying why', async () => {
    const response = await app.request('/phones/new?phone=12');
    expect(response.status).toBe(200);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain(
      '12 is not a valid phone number with its country code (e.g. +1 202 555 0199).',
    );
  });

  it('answers 404 for a handset link that is not digits', async () => {
    const response = await app.request('/phones/abc');
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(
      'No such handset: a handset is its phone number, digits only',
    );
  });

  it('answers 404 for an unknown fragment', async () => {
    const response = await app.request('/console/f/nothing');
    expect(response.status).toBe(404);
  });

  it('hands the TeleSign URL to the page', async () => {
    const html = await (await app.request('/admin')).text();
    expect(html).toContain('<meta name="telesign-url" content="http://telesign.test"/>');
  });

  it('shows "No contact found" for a conversation without a contact', async () => {
    const html = await (
      await app.request('/console/f/conversation?agent=ag_1&conversation=cv_1')
    ).text();
    expect(html).toContain('No contact found');
  });

  it('shows an API failure in the page instead of failing the request', async () => {
    const html = await (
      await app.request('/console/f/conversation?agent=ag_1&conversation=cv_404')
    ).text();
    expect(html).toContain('Could not load: /api/conversations/cv_404: answered 404');
  });

  it('serves every page in standards mode, with <!DOCTYPE html> first', async () => {
    for (const path of ['/', '/agent', '/admin', '/telesign', '/phones/12025550101', '/api']) {
      const html = await (await app.request(path, { headers: { accept: 'text/html' } })).text();
      expect(html.startsWith('<!DOCTYPE html><html'), path).toBe(true);
    }
  });

  it('answers the printed /api URL with an index naming the OpenAPI document', async () => {
    const response = await app.request('/api', { headers: { accept: 'application/json' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ openapi: '/openapi.json' });
  });

  it("lists no purchased number among the customers' phones", async () => {
    const withNumbers = createConsole({
      channelFetch: fakeApi({ '/api/work-streams': [] }),
      telesignUrl: 'http://telesign.test',
      telesignFetch: fakeApi({
        '/_sim/handsets': [
          { phone: '14155550100', inbox: 1, outbox: 1 },
          { phone: '12025550101', inbox: 0, outbox: 1 },
        ],
        '/_sim/accounts': [{ customer_id: 'C1' }],
        '/_sim/accounts/C1/numbers': [{ number: '14155550100' }],
        '/_sim/handsets/12025550101/messages': { phone: '12025550101', inbox: [], outbox: [] },
        '/_sim/handsets/12025550101/opt-outs': { phone: '12025550101', opt_outs: [] },
        '/_sim/messages': [],
      }),
    });
    const html = await (await withNumbers.request('/console/f/phones')).text();
    expect(html).toContain('data-phone="12025550101"');
    expect(html).not.toContain('data-phone="14155550100"');
    expect(html).toContain('to +1 415 555 0100 · unassigned');
  });

  it('renders a phone that never texted without reading it from TeleSign (a read must not create it)', async () => {
    const reads: string[] = [];
    const watching = createConsole({
      channelFetch: fakeApi({ '/api/work-streams': [] }),
      telesignUrl: 'http://telesign.test',
      telesignFetch: async (input) => {
        reads.push(new URL(String(input)).pathname);
        return fakeApi({ '/_sim/handsets': [], '/_sim/accounts': [] })(input);
      },
    });
    const html = await (await watching.request('/phones/12025550177')).text();
    expect(html).toContain('data-phone="12025550177"');
    expect(reads.filter((path) => path.startsWith('/_sim/handsets/'))).toEqual([]);
  });

  it('answers the regions of one refresh in one request, in order, null for an unknown one', async () => {
    const src = (path: string) => `src=${encodeURIComponent(path)}`;
    const response = await app.request(
      `/console/fragments?${src('/console/f/handset?phone=12025550177')}&${src('/console/f/nothing')}`,
    );
    expect(response.status).toBe(200);
    const { fragments } = (await response.json()) as { fragments: (string | null)[] };
    expect(fragments).toHaveLength(2);
    // The same HTML as the region's own URL answers.
    const alone = await (await app.request('/console/f/handset?phone=12025550177')).text();
    expect(fragments[0]).toBe(alone);
    expect(alone.length).toBeGreaterThan(0);
    expect(fragments[1]).toBeNull();
  });

  it('refuses a fragments request for a path that is not a fragment, naming src', async () => {
    const response = await app.request(`/console/fragments?src=${encodeURIComponent('/admin')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('src: each src is a fragment path, /console/f/<name>?…');
    expect((await app.request('/console/fragments')).status).toBe(400);
  });

  it("shows a card's newest 20 messages and links the earlier ones to the journal", async () => {
    const outbox = Array.from({ length: 25 }, (_, i) => ({
      referenceId: `R${i}`,
      to: '14155550100',
      text: `text number ${i}.`,
      sentAt: `2026-01-01T00:00:${String(i).padStart(2, '0')}Z`,
    }));
    const busy = createConsole({
      channelFetch: fakeApi({ '/api/work-streams': [] }),
      telesignUrl: 'http://telesign.test',
      telesignFetch: fakeApi({
        '/_sim/handsets': [{ phone: '12025550101', inbox: 0, outbox: 25 }],
        '/_sim/accounts': [],
        '/_sim/handsets/12025550101/messages?limit=50': {
          phone: '12025550101',
          inbox: [],
          outbox,
        },
        '/_sim/handsets/12025550101/opt-outs': { phone: '12025550101', opt_outs: [] },
        '/_sim/messages': [],
      }),
    });
    const html = await (await busy.request('/console/f/handset?phone=12025550101')).text();
    expect(html.match(/data-testid="handset-message"/g)).toHaveLength(20);
    expect(html).not.toContain('text number 4.');
    expect(html).toContain('text number 5.');
    expect(html).toContain('Earlier messages');
    expect(html).toContain('href="/inspect?phone=12025550101"');
  });

  it("measures a draft with the servers' own count", async () => {
    const response = await app.request('/console/measure', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '😀'.repeat(1600) }),
    });
    expect(await response.json()).toMatchObject({ segments: 49, encoding: 'UCS-2' });
  });

  it('refuses a measure request without text, naming the field', async () => {
    const response = await app.request('/console/measure', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ words: 'hi' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_field');
  });
});
