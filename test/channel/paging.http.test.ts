// Lists that grow without bound: conversations and inbound events come a page at a time, newest
// first, filtered; a bad query parameter is a 400 naming it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  activeConversation,
  createHarness,
  customerTexts,
  deliveryReportBody,
  expectError,
  type Harness,
  moSmsBody,
  nextReferenceId,
  postCallback,
  type Setup,
  setUpWorkStream,
} from './harness';

let h: Harness;
let s: Setup;
beforeEach(async () => {
  h = await createHarness();
  s = await setUpWorkStream(h);
});
afterEach(async () => {
  await h.close();
});

const customer = (i: number) => `1415555020${i}`;
interface PageJson {
  items: Array<{ id: string; customerNumber: string; createdAt: number }>;
  next: string | null;
}

/** Five conversations, one customer each, a minute apart; returns their ids, oldest first. */
async function fiveConversations(): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    ids.push(await customerTexts(h, `Hello ${i}`, customer(i)));
    await h.clock.advance(60_000);
  }
  return ids;
}

describe('GET /api/conversations', () => {
  it('answers a page of conversations newest first, with a next cursor until the last page', async () => {
    const ids = await fiveConversations();
    const first = (await h.api.get('/api/conversations?limit=2').expect(200)).body as PageJson;
    expect(first.items.map((c) => c.id)).toEqual([ids[4], ids[3]]);
    const second = (
      await h.api.get('/api/conversations').query({ limit: 2, cursor: first.next }).expect(200)
    ).body as PageJson;
    expect(second.items.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    const last = (
      await h.api.get('/api/conversations').query({ limit: 2, cursor: second.next }).expect(200)
    ).body as PageJson;
    expect(last).toMatchObject({ items: [{ id: ids[0] }], next: null });
  });

  it('keeps the next page right when a new conversation arrives between pages', async () => {
    const ids = await fiveConversations();
    const first = (await h.api.get('/api/conversations?limit=3').expect(200)).body as PageJson;
    await customerTexts(h, 'I am new', customer(9));
    const second = (
      await h.api.get('/api/conversations').query({ limit: 3, cursor: first.next }).expect(200)
    ).body as PageJson;
    expect(second.items.map((c) => c.id)).toEqual([ids[1], ids[0]]);
  });

  it('filters by time: since inclusive, until exclusive, in ms or ISO 8601', async () => {
    const ids = await fiveConversations();
    const start = h.clock.now() - 5 * 60_000;
    const since = (await h.api.get(`/api/conversations?since=${start + 60_000}`).expect(200))
      .body as PageJson;
    expect(since.items.map((c) => c.id)).toEqual([ids[4], ids[3], ids[2], ids[1]]);
    const until = new Date(start + 2 * 60_000).toISOString();
    const before = (await h.api.get('/api/conversations').query({ until }).expect(200))
      .body as PageJson;
    expect(before.items.map((c) => c.id)).toEqual([ids[1], ids[0]]);
  });

  it('filters by customer number, support number, work stream, contact, account and state', async () => {
    const contact = await h.api
      .post('/api/contacts')
      .send({ firstName: 'Ada', lastName: 'L', mobilePhone: `+${customer(7)}` })
      .expect(201);
    const account = await h.api
      .post('/api/accounts')
      .send({ name: 'Acme', mainPhone: `+${customer(8)}` })
      .expect(201);
    const linked = await customerTexts(h, 'Hi', customer(7));
    const ofAccount = await customerTexts(h, 'Hi', customer(8));
    const by = async (query: Record<string, string>) =>
      ((await h.api.get('/api/conversations').query(query).expect(200)).body as PageJson).items.map(
        (c) => c.id,
      );
    expect(await by({ contactId: contact.body.id })).toEqual([linked]);
    expect(await by({ accountId: account.body.id })).toEqual([ofAccount]);
    expect(await by({ accountId: contact.body.id })).toEqual([]);
    expect(await by({ customerNumber: customer(7) })).toEqual([linked]);
    expect(await by({ supportNumber: '14155550100', workStreamId: s.workStreamId })).toHaveLength(
      2,
    );
    expect(await by({ supportNumber: '14155550999' })).toEqual([]);
    expect(await by({ workStreamId: 'ws_other' })).toEqual([]);
    expect(await by({ state: 'open', contactId: contact.body.id })).toEqual([linked]);
  });

  it('refuses a limit outside 1 to 500, naming the limit field and the rule', async () => {
    for (const limit of ['0', '501', 'ten', '-1', '2.5']) {
      expectError(await h.api.get(`/api/conversations?limit=${limit}`), 400, 'VALIDATION_FAILED', {
        field: 'limit',
        message: /limit \(in the query\): a whole number from 1 to 500/,
      });
    }
  });

  it('refuses a cursor it did not give out, a bad time and an unknown parameter, naming each', async () => {
    expectError(await h.api.get('/api/conversations?cursor=abc'), 400, 'VALIDATION_FAILED', {
      field: 'cursor',
      message: /pass `next` from the previous page unchanged/,
    });
    expectError(await h.api.get('/api/conversations?since=yesterday'), 400, 'VALIDATION_FAILED', {
      field: 'since',
      message: /ms since the epoch .* or ISO 8601/,
    });
    expectError(await h.api.get('/api/conversations?page=2'), 400, 'VALIDATION_FAILED', {
      field: 'page',
      message: /not a known field/,
    });
  });
});

describe('GET /api/inbound-events', () => {
  it('lists delivery reports as received beside inbound SMS, newest first, with their outcome', async () => {
    const id = await activeConversation(h, s);
    const sent = await h.api
      .post(`/api/conversations/${id}/messages`)
      .send({ agentId: s.agentId, text: 'On its way' })
      .expect(201);
    const ref = sent.body.telesignReferenceId as string;
    await postCallback(h, deliveryReportBody(ref, sent.body.id, 200, 'Delivered to handset'));
    await postCallback(h, deliveryReportBody(ref, sent.body.id, 203, 'Delivered to gateway'));
    await postCallback(h, deliveryReportBody(nextReferenceId(), 'nope', 200, 'Delivered'));

    const all = await h.api.get('/api/inbound-events').expect(200);
    expect(
      all.body.items.map((e: { kind: string; outcome: string }) => `${e.kind} ${e.outcome}`),
    ).toEqual([
      'delivery-report unknown-message',
      'delivery-report stale',
      'delivery-report accepted',
      'sms accepted',
    ]);
    expect(all.body.items[2]).toMatchObject({
      referenceId: ref,
      conversationId: id,
      messageId: sent.body.id,
    });
    expect(JSON.parse(all.body.items[2].rawBody).status.code).toBe(200);

    const sms = await h.api.get('/api/inbound-events?kind=sms').expect(200);
    expect(sms.body.items.map((e: { kind: string }) => e.kind)).toEqual(['sms']);
    const stale = await h.api.get('/api/inbound-events?outcome=stale').expect(200);
    expect(stale.body.items).toHaveLength(1);
  });

  it('pages and filters inbound events by time and reference id', async () => {
    const refs: string[] = [];
    for (let i = 0; i < 3; i++) {
      refs.push(nextReferenceId());
      await postCallback(h, moSmsBody(customer(i), '14155550100', `Hi ${i}`, refs[i] ?? ''));
      await h.clock.advance(1000);
    }
    const page = await h.api.get('/api/inbound-events?limit=2').expect(200);
    expect(page.body.items.map((e: { referenceId: string }) => e.referenceId)).toEqual([
      refs[2],
      refs[1],
    ]);
    const rest = await h.api
      .get('/api/inbound-events')
      .query({ limit: 2, cursor: page.body.next })
      .expect(200);
    expect(rest.body).toMatchObject({ items: [{ referenceId: refs[0] }], next: null });
    const since = h.clock.now() - 2000;
    const recent = await h.api.get(`/api/inbound-events?since=${since}`).expect(200);
    expect(recent.body.items).toHaveLength(2);
    const one = await h.api.get('/api/inbound-events').query({ referenceId: refs[1] }).expect(200);
    expect(one.body.items).toHaveLength(1);
    expectError(await h.api.get('/api/inbound-events?kind=mms'), 400, 'VALIDATION_FAILED', {
      field: 'kind',
    });
  });
});
