// Both servers on real loopback sockets, one manual clock: a handset texts the support number and
// the conversation runs to auto-close, every hop over HTTP (the channel's sends through telesignsdk).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Channel, openChannel } from '../../channel/index';
import { createManualClock } from '../../lib/clock';
import { createSeededIds } from '../../lib/ids';
import { createSimulator, type Simulator } from '../../simulator/index';
import { call } from './loopback-call';

const SUPPORT = '14155550100';
const CUSTOMER = '14155550123';
const HOUR = 3600_000;

const clock = createManualClock();
let simulator: Simulator;
let channel: Channel;
let fake = '';
let api = '';

interface ConversationJson {
  id: string;
  state: string;
  agentId?: string;
  queueId: string;
  routedBy: unknown;
  contactId?: string;
  contactMatch: string;
  messages: Array<{
    id: string;
    direction: string;
    text: string;
    delivery?: { code: number; final: boolean };
  }>;
  transitions: Array<{ to: string; reason: string; actor: { kind: string } }>;
}

const ids: {
  cid: string;
  key: string;
  workStream: string;
  agent: string;
  contact: string;
  conversation: string;
} = {
  cid: '',
  key: '',
  workStream: '',
  agent: '',
  contact: '',
  conversation: '',
};

beforeAll(async () => {
  simulator = createSimulator({
    clock,
    ids: createSeededIds('e2e-fake'),
  });
  fake = (await simulator.listen(0)).url;
  channel = await openChannel({
    clock,
    ids: createSeededIds('e2e-channel'),
    telesignUrl: fake,
    telesignTimeoutMs: 2000,
    sweepIntervalMs: 60_000,
    dispatchIntervalMs: 1000,
  });
  api = (await channel.listen(0)).url;
});

afterAll(async () => {
  await channel?.close();
  await simulator?.close();
});

describe('an SMS conversation across the fake TeleSign and the channel, over real sockets', () => {
  it('sets up TeleSign and the channel, and validates the API key (R-WS-5)', async () => {
    const account = await call<{ customer_id: string; api_key: string }>(
      fake,
      'POST',
      '/_sim/accounts',
      {},
    );
    ids.cid = account.customer_id;
    ids.key = account.api_key;
    await call(fake, 'POST', `/_sim/accounts/${ids.cid}/numbers`, { number: SUPPORT });

    const ws = await call<{ id: string }>(api, 'POST', '/api/work-streams', {
      name: 'Support',
      mode: 'push',
      autoCloseAfterInactivityMs: 8 * HOUR,
    });
    ids.workStream = ws.id;
    await call(api, 'PUT', `/api/work-streams/${ids.workStream}/sms-settings`, {
      customerId: ids.cid,
      apiKey: ids.key,
    });
    await call(api, 'POST', `/api/work-streams/${ids.workStream}/numbers`, { number: SUPPORT });
    ids.agent = (await call<{ id: string }>(api, 'POST', '/api/agents', { name: 'Ada' })).id;
    ids.contact = (
      await call<{ id: string }>(api, 'POST', '/api/contacts', {
        firstName: 'Grace',
        lastName: 'Hopper',
        mobilePhone: `+${CUSTOMER}`,
      })
    ).id;

    const org = await call<{ inboundUrl: string }>(api, 'GET', '/api/organisation');
    expect(org.inboundUrl.startsWith(api)).toBe(true);
    await call(fake, 'PUT', `/_sim/accounts/${ids.cid}/callback-url`, { url: org.inboundUrl });

    // The test SMS must come back through TeleSign to prove the number (R-WS-5 clarified).
    const validation = await call<{ outcome: string }>(
      api,
      'POST',
      `/api/work-streams/${ids.workStream}/validate-api-key`,
    );
    expect(validation.outcome).toBe('checking');
    await clock.advance(2000);
    const ws2 = await call<{ sms: { validation: { outcome: string } } }>(
      api,
      'GET',
      `/api/work-streams/${ids.workStream}`,
    );
    expect(ws2.sms.validation.outcome).toBe('valid');
  });

  it('identifies, routes and offers the conversation when the handset texts the support number', async () => {
    const sent = await call<{ callback: { state: string } | null }>(
      fake,
      'POST',
      `/_sim/handsets/${CUSTOMER}/messages`,
      {
        to: SUPPORT,
        text: 'My order has not arrived',
      },
    );
    expect(sent.callback?.state).toBe('delivered');

    const {
      items: [conversation],
    } = await call<{ items: ConversationJson[] }>(
      api,
      'GET',
      `/api/conversations?customerNumber=${CUSTOMER}`,
    );
    expect(conversation).toMatchObject({
      state: 'open',
      contactId: ids.contact,
      contactMatch: 'linked',
      routedBy: 'default',
    });
    expect(conversation?.messages.map((m) => m.text)).toEqual(['My order has not arrived']);
    ids.conversation = conversation?.id ?? '';

    await clock.advance(1000); // the dispatch tick offers it
    const offers = await call<ConversationJson[]>(api, 'GET', `/api/agents/${ids.agent}/offers`);
    expect(offers.map((c) => c.id)).toEqual([ids.conversation]);
  });

  it('lets the agent accept and reply through TeleSign (R-MSG-6)', async () => {
    const accepted = await call<ConversationJson>(
      api,
      'POST',
      `/api/conversations/${ids.conversation}/accept`,
      {
        agentId: ids.agent,
      },
    );
    expect(accepted.state).toBe('active');

    const reply = await call<{
      id: string;
      telesignReferenceId: string;
      segments: number;
      encoding: string;
    }>(api, 'POST', `/api/conversations/${ids.conversation}/messages`, {
      agentId: ids.agent,
      text: 'Sorry! It ships today 📦',
    });
    expect(reply).toMatchObject({ segments: 1, encoding: 'UCS-2' });
    expect(reply.telesignReferenceId).toMatch(/^[0-9A-F]{32}$/);
  });

  it('delivers the reply to the handset inbox and applies the delivery report (R-MSG-5)', async () => {
    await clock.advance(2000); // 203 after 300 ms, 200 after 1 s, each posted to the inbound URL
    const conversation = await call<ConversationJson>(
      api,
      'GET',
      `/api/conversations/${ids.conversation}`,
    );
    const outbound = conversation.messages.find((m) => m.direction === 'outbound');
    expect(outbound?.delivery).toMatchObject({ code: 200, final: true });

    const handset = await call<{
      inbox: Array<{ text?: string; message?: string; from?: string; sender_id?: string }>;
    }>(fake, 'GET', `/_sim/handsets/${CUSTOMER}/messages`);
    expect(JSON.stringify(handset.inbox)).toContain('Sorry! It ships today 📦');
  });

  it('closes the session (→ Waiting), then auto-closes it 8 hours later (R-CV-3)', async () => {
    const waiting = await call<ConversationJson>(
      api,
      'POST',
      `/api/conversations/${ids.conversation}/close-session`,
      {
        agentId: ids.agent,
      },
    );
    expect(waiting.state).toBe('waiting');

    await clock.advance(8 * HOUR - 60_000);
    expect(
      (await call<ConversationJson>(api, 'GET', `/api/conversations/${ids.conversation}`)).state,
    ).toBe('waiting');

    await clock.advance(2 * 60_000); // past 8 h, and a sweep tick
    const closed = await call<ConversationJson>(
      api,
      'GET',
      `/api/conversations/${ids.conversation}`,
    );
    expect(closed.state).toBe('closed');
    expect(closed.transitions.map((t) => t.to)).toEqual(['open', 'active', 'waiting', 'closed']);
    expect(closed.transitions.at(-1)?.actor.kind).toBe('system');
  });
});
