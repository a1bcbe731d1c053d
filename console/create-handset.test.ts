import { describe, expect, it } from 'vitest';
import { createConsole } from './app';

/** The fake TeleSign's side: records each request and answers a created handset. */
function telesign() {
  const calls: string[] = [];
  const fetchFn = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    calls.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    const phone = url.pathname.split('/').at(-1);
    return new Response(JSON.stringify({ phone, created_at: '2026-11-30T22:00:00.000Z' }), {
      status: 201,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { calls, fetchFn };
}

async function post(app: ReturnType<typeof createConsole>, body: string) {
  const r = await app.request('/console/handsets', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: r.status, json: await r.json() };
}

describe('POST /console/handsets (New handset)', () => {
  const fake = telesign();
  const app = createConsole({
    channelFetch: async () => new Response('{}'),
    telesignUrl: 'http://telesign.test',
    telesignFetch: fake.fetchFn,
    random: () => 0,
  });

  it('creates the typed number, normalised to digits, at the fake TeleSign and answers in the relay shape', async () => {
    const answer = await post(app, JSON.stringify({ phone: '+44 7911 123456' }));
    expect(answer).toEqual({
      status: 200,
      json: {
        status: 201,
        body: { phone: '447911123456', created_at: '2026-11-30T22:00:00.000Z' },
      },
    });
    expect(fake.calls.at(-1)).toBe('PUT /_sim/handsets/447911123456');
  });

  it('makes a random fictional number of a blank one', async () => {
    await post(app, JSON.stringify({ phone: '  ' }));
    expect(fake.calls.at(-1)).toBe('PUT /_sim/handsets/12025550100');
  });

  it('refuses what is not a phone number, an unknown field and a non-JSON body, naming the field, and calls nothing', async () => {
    const before = fake.calls.length;
    expect((await post(app, JSON.stringify({ phone: '12' }))).json).toEqual({
      status: 400,
      body: {
        error: {
          code: 'invalid_field',
          message:
            'phone: 12 is not a valid phone number with its country code (e.g. +1 202 555 0199).',
          field: 'phone',
        },
      },
    });
    expect((await post(app, JSON.stringify({ phone: '', name: 'x' }))).json).toMatchObject({
      status: 400,
      body: { error: { field: 'name' } },
    });
    expect((await post(app, '{')).json).toMatchObject({
      status: 400,
      body: { error: { field: '(root)' } },
    });
    expect(fake.calls.length).toBe(before);
  });
});
