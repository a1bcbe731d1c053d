// Every route of the OpenAPI document, fed malformed input: always a 4xx with the error envelope,
// never a 500, and nothing reaches the catch-all error handler.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  customerTexts,
  type Harness,
  postCallback,
  type Setup,
  setUpWorkStream,
} from './harness';

let h: Harness;
let s: Setup;
let conversationId = '';
let operations: Array<{ method: string; path: string }> = [];

beforeAll(async () => {
  h = await createHarness();
  s = await setUpWorkStream(h);
  conversationId = await customerTexts(h);
  const doc = (await h.api.get('/openapi.json').expect(200)).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ method, path })),
  );
});
afterAll(async () => {
  await h.close();
});

const BAD_BODIES: unknown[] = [
  null,
  [],
  'text',
  42,
  {},
  {
    name: 7,
    mode: [],
    agentId: {},
    text: null,
    number: false,
    customerId: 1,
    presence: 3,
    firstName: [],
  },
  { agentId: 'ag_nope', text: 'x', queueId: 'q_nope', contactId: 'ct_nope', presence: 'available' },
  [{ name: 'r', condition: { any: 'x' }, queueId: 1 }],
];

/** Fills path parameters with real ids (so the body is what fails) or with junk. */
function concrete(path: string, junk: boolean): string {
  return path
    .replace(
      '{id}',
      junk
        ? '%E2%98%83'
        : path.startsWith('/api/conversations')
          ? conversationId
          : path.startsWith('/api/agents')
            ? s.agentId
            : s.workStreamId,
    )
    .replace('{number}', junk ? 'not-a-number' : '14155550100')
    .replace('{orgId}', 'org_junk')
    .replace('{token}', 'junk');
}

describe('bad input on every endpoint', () => {
  it('never answers 500 to a malformed body, and always names the error', async () => {
    const seen: string[] = [];
    for (const { method, path } of operations) {
      if (path === '/api/events' || method === 'get' || method === 'delete') continue;
      for (const body of BAD_BODIES) {
        const response = await h.api[method as 'post' | 'put' | 'patch'](concrete(path, false))
          .set('content-type', 'application/json')
          .send(JSON.stringify(body));
        seen.push(`${method} ${path} ${response.status}`);
        expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.body.error, `${method} ${path}`).toMatchObject({
            code: expect.any(String),
            message: expect.any(String),
            rule: expect.any(String),
          });
        }
      }
    }
    expect(seen.length).toBeGreaterThan(100);
    expect(h.unexpected).toEqual([]);
  });

  it('never answers 500 to junk path parameters or query strings', async () => {
    for (const { method, path } of operations) {
      if (path === '/api/events') continue;
      const response = await h.api[method as 'get' | 'post' | 'put' | 'patch' | 'delete'](
        `${concrete(path, true)}?state=%00&customerNumber=abc&queueId=`,
      )
        .set('content-type', 'application/json')
        .send('{}');
      expect(response.status, `${method} ${path}`).toBeLessThan(500);
    }
    expect(h.unexpected).toEqual([]);
  });

  it('never answers 500 to a signed callback that is not a TeleSign body', async () => {
    for (const body of [
      'not json',
      '[]',
      '{}',
      '{"sub_resource":"mo_sms"}',
      '{"status":{"code":"x"},"reference_id":5}',
    ]) {
      const response = await postCallback(h, body);
      expect(response.status, body).toBeLessThan(500);
    }
    expect(h.unexpected).toEqual([]);
  });
});
