// The console's side of rulebook revision 2: accounts on the Admin page and in the customer panel
// (R-RT-1), a routing rule disabled by the schema-2 migration shown as such (R-RT-3), and a reply
// refused because the customer opted out (R-MSG-8).
import { describe, expect, it } from 'vitest';
import { createConsole } from './app';

const fakeApi = (routes: Record<string, unknown>) => async (input: string | URL | Request) => {
  const url = new URL(String(input instanceof Request ? input.url : input));
  const body = routes[url.pathname];
  return body === undefined
    ? new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No such resource.' } }), {
        status: 404,
      })
    : new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};

const account = {
  id: 'acc_1',
  name: 'Acme Corporation',
  mainPhone: '+12025550106',
  status: 'active',
  fields: { tier: 'key' },
};
const workStream = {
  id: 'ws_1',
  name: 'support',
  mode: 'push',
  capacityUnits: 30,
  allowedPresences: ['available'],
  autoCloseAfterInactivityMs: 28_800_000,
  offerTimeoutMs: 120_000,
  routingRules: [
    {
      id: 'r_1',
      name: 'billing-keywords',
      condition: { field: 'message.text', op: 'contains', value: 'refund' },
      queueId: 'q_1',
      disabled: { reason: 'Disabled when the data was upgraded to schema 2 (R-RT-3).' },
    },
  ],
  sms: {
    customerId: 'C',
    apiKeyMasked: '••••abcd',
    inboundUrl: 'http://x',
    validation: null,
    missing: [],
  },
};
const conversation = {
  id: 'cv_1',
  workStreamId: 'ws_1',
  customerNumber: '12025550106',
  supportNumber: '14155550100',
  state: 'active',
  queueId: 'q_1',
  routedBy: 'default',
  accountId: 'acc_1',
  linkedKind: 'account',
  contactMatch: 'linked',
  agentId: 'ag_1',
  createdAt: 0,
  lastActivityAt: 0,
  messages: [
    {
      id: 'msg_1',
      conversationId: 'cv_1',
      direction: 'outbound',
      text: 'Anything else?',
      truncated: false,
      at: 0,
      chars: 14,
      encoding: 'GSM-7',
      segments: 1,
      agentId: 'ag_1',
      telesignReferenceId: 'ABC',
      delivery: {
        code: 510,
        description: 'Message blocked by subscriber action or request',
        final: true,
        updatedAt: 0,
        explanation: 'the customer opted out of messages from this number',
      },
    },
  ],
};

const app = createConsole({
  channelFetch: fakeApi({
    '/api/conversations/cv_1': conversation,
    '/api/accounts': [account],
    '/api/accounts/acc_1': account,
    '/api/agents': [],
    '/api/work-streams': [workStream],
    '/api/contacts': [],
    '/api/queues': [{ id: 'q_1', name: 'billing', isDefault: false }],
  }),
  telesignUrl: 'http://telesign.test',
  telesignFetch: fakeApi({}),
  random: () => 0,
});

const fragment = async (path: string) => (await app.request(path)).text();

describe('console: accounts, disabled rules and opt-outs (rulebook revision 2)', () => {
  it('R-MSG-8: shows a 510 reply as an opt-out, with TeleSign code and description', async () => {
    const html = await fragment('/console/f/conversation?agent=ag_1&conversation=cv_1');
    expect(html).toContain(
      '<strong data-testid="delivery-explanation">the customer opted out of messages from this number</strong>',
    );
    expect(html).toContain('510 Message blocked by subscriber action or request');
  });

  it('R-RT-1: lists accounts with their main phone on the Admin page', async () => {
    const html = await fragment('/console/f/admin');
    expect(html).toContain('Accounts (1)');
    expect(html).toMatch(/data-testid="account-row"><td>Acme Corporation<\/td>/);
  });

  it('R-RT-3: shows a rule the migration disabled, with its reason', async () => {
    const html = await fragment('/console/f/admin');
    expect(html).toContain('data-testid="routing-rule-disabled"');
    expect(html).toContain('Disabled when the data was upgraded to schema 2 (R-RT-3).');
  });

  it('R-RT-1: shows the linked account in the customer panel, not "No contact found"', async () => {
    const html = await fragment('/console/f/conversation?agent=ag_1&conversation=cv_1');
    expect(html).toContain('data-testid="account-card"');
    expect(html).toContain('Acme Corporation');
    expect(html).not.toContain('No contact found');
  });
});
