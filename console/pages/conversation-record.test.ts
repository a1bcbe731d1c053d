import { describe, expect, it } from 'vitest';
import { createConsole } from '../app';

const conversation = (extra: Record<string, unknown>) => ({
  id: 'cv_1',
  workStreamId: 'ws_1',
  customerNumber: '12025550101',
  supportNumber: '14155550100',
  state: 'active',
  queueId: 'q_1',
  routedBy: 'default',
  contactMatch: 'none',
  agentId: 'ag_2',
  createdAt: 0,
  lastActivityAt: 0,
  messages: [],
  transitions: [],
  ...extra,
});

const agent = { queueIds: ['q_1'], capacity: 1, presence: 'available' };

const consoleFor = (cv: unknown) =>
  createConsole({
    channelFetch: async (input) => {
      const path = new URL(input).pathname;
      const body: unknown =
        path === '/api/conversations/cv_1'
          ? cv
          : path === '/api/agents'
            ? [
                { id: 'ag_1', name: 'Ann Agent', ...agent },
                { id: 'ag_2', name: 'Ben Agent', ...agent },
              ]
            : [];
      return new Response(JSON.stringify(body), {
        headers: { 'content-type': 'application/json' },
      });
    },
    telesignUrl: 'http://telesign.test',
    telesignFetch: async () => new Response('[]'),
  });

const offerRows = (html: string) =>
  [
    ...html.matchAll(/data-testid="record-offer" data-agent-id="([^"]+)" data-outcome="([^"]+)"/g),
  ].map((m) => `${m[1]} ${m[2]}`);

describe('a conversation record', () => {
  it('shows every offer, oldest first, with the agent, how it ended and how long it waited', async () => {
    const cv = conversation({
      offers: [
        { agentId: 'ag_1', offeredAt: 0, outcome: 'rejected', endedAt: 4_000 },
        { agentId: 'ag_2', offeredAt: 4_000, outcome: 'timed-out', endedAt: 124_000 },
        { agentId: 'ag_2', offeredAt: 130_000, outcome: 'accepted', endedAt: 131_500 },
      ],
    });
    const html = await (await consoleFor(cv).request('/inspect/conversations/cv_1')).text();
    expect(offerRows(html)).toEqual(['ag_1 rejected', 'ag_2 timed-out', 'ag_2 accepted']);
    expect(html).toContain('Offers (3)');
    expect(html).toContain('Ann Agent');
    expect(html).toContain('1970-01-01 00:00:04 UTC');
    expect(html).toContain('1.5 s');
  });

  it('says a conversation was never offered when the channel lists no offers', async () => {
    const html = await (
      await consoleFor(conversation({})).request('/inspect/conversations/cv_1')
    ).text();
    expect(offerRows(html)).toEqual([]);
    expect(html).toContain('data-testid="record-no-offers"');
  });
});
