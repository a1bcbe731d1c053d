// A channel on a manual clock with a recording TeleSign gateway, reached through supertest; plus
// helpers that set up a routable work stream and sign TeleSign callbacks like the fake does.
import { getRequestListener } from '@hono/node-server';
import supertest from 'supertest';
import { expect } from 'vitest';
import type { ValidationOutcome } from '../../channel/domain/model';
import { type Channel, openChannel } from '../../channel/index';
import type {
  OutboundSms,
  SendOutcome,
  TeleSignGateway,
} from '../../channel/service/telesign-gateway';
import { createManualClock, type ManualClock } from '../../lib/clock';
import { createSeededIds } from '../../lib/ids';
import { callbackAuthHeaders } from '../../lib/telesign-signing';
import { checkedFetch } from '../support/contract-check';

export const CUSTOMER_ID = 'FFFFFFFF-EEEE-DDDD-1234-AB1234567890';
export const API_KEY = 'VGVzdCBLZXk=';
export const SUPPORT_NUMBER = '14155550100';
export const CUSTOMER_NUMBER = '14155550123';

export interface RecordingGateway extends TeleSignGateway {
  sent: OutboundSms[];
  nextSend: SendOutcome | null;
  probe: ValidationOutcome;
}

function createRecordingGateway(): RecordingGateway {
  let n = 0;
  const gateway: RecordingGateway = {
    sent: [],
    nextSend: null,
    probe: 'valid',
    async sendSms(_credentials, sms) {
      gateway.sent.push(sms);
      const outcome = gateway.nextSend;
      gateway.nextSend = null;
      n += 1;
      return (
        outcome ?? {
          ok: true,
          referenceId: n.toString(16).toUpperCase().padStart(32, '0'),
          status: { code: 290, description: 'Message in progress' },
        }
      );
    },
    async probeCredentials() {
      return { outcome: gateway.probe, detail: `probe says ${gateway.probe}` };
    },
  };
  return gateway;
}

export interface Harness {
  channel: Channel;
  clock: ManualClock;
  gateway: RecordingGateway;
  api: ReturnType<typeof supertest>;
  /** Unexpected errors the app caught (bugs); every test expects none. */
  unexpected: unknown[];
  /** Answers that broke the OpenAPI document (status not listed, body off its schema); expected none. */
  contractViolations: string[];
  close(): Promise<void>;
}

export async function createHarness(): Promise<Harness> {
  const clock = createManualClock();
  const gateway = createRecordingGateway();
  const unexpected: unknown[] = [];
  const contractViolations: string[] = [];
  const channel = await openChannel({
    clock,
    ids: createSeededIds('http-tests'),
    telesignUrl: 'http://127.0.0.1:9',
    publicUrl: 'http://channel.test',
    gateway,
    sweepIntervalMs: 0,
    dispatchIntervalMs: 0,
    onUnexpectedError: (error) => unexpected.push(error),
  });
  return {
    channel,
    clock,
    gateway,
    // Every answer of every HTTP test is checked against the channel's own OpenAPI document.
    api: supertest(
      getRequestListener(checkedFetch((request) => channel.app.fetch(request), contractViolations)),
    ),
    unexpected,
    contractViolations,
    async close() {
      await channel.close();
      expect(unexpected).toEqual([]);
      expect(contractViolations).toEqual([]);
    },
  };
}

/** Asserts the error envelope: status, code, rule, and (when given) field and message part. */
export function expectError(
  response: { status: number; body: unknown },
  status: number,
  code: string,
  more: { rule?: string; field?: string; message?: string | RegExp } = {},
): void {
  expect(response.status).toBe(status);
  const { error } = response.body as {
    error: { code: string; rule: string; field?: string; message: string };
  };
  expect(error.code).toBe(code);
  if (more.rule) expect(error.rule).toBe(more.rule);
  if (more.field) expect(error.field).toBe(more.field);
  if (more.message) expect(error.message).toMatch(more.message);
}

export interface Setup {
  workStreamId: string;
  agentId: string;
  defaultQueueId: string;
}

/** A routable work stream (settings + number), and one available agent. */
export async function setUpWorkStream(h: Harness, mode: 'push' | 'pick' = 'push'): Promise<Setup> {
  const ws = await h.api.post('/api/work-streams').send({ name: 'Support', mode }).expect(201);
  const workStreamId = ws.body.id as string;
  await h.api
    .put(`/api/work-streams/${workStreamId}/sms-settings`)
    .send({ customerId: CUSTOMER_ID, apiKey: API_KEY })
    .expect(200);
  await h.api
    .post(`/api/work-streams/${workStreamId}/numbers`)
    .send({ number: SUPPORT_NUMBER })
    .expect(201);
  const agent = await h.api.post('/api/agents').send({ name: 'Ada' }).expect(201);
  const queues = await h.api.get('/api/queues').expect(200);
  const defaultQueue = (queues.body as Array<{ id: string; isDefault: boolean }>).find(
    (q) => q.isDefault,
  );
  return { workStreamId, agentId: agent.body.id as string, defaultQueueId: defaultQueue?.id ?? '' };
}

export function moSmsBody(from: string, to: string, text: string, referenceId: string): string {
  return JSON.stringify({
    reference_id: referenceId,
    sub_resource: 'mo_sms',
    errors: [],
    submit_timestamp: '2026-01-05T09:00:00.000000Z',
    status: {
      code: 1500,
      description: 'Delivered to customer',
      updated_on: '2026-01-05T09:00:00.000000Z',
    },
    user_response: { phone_number: from, sender_id: to, mo_message: text },
  });
}

export function deliveryReportBody(
  referenceId: string,
  externalId: string,
  code: number,
  description: string,
): string {
  return JSON.stringify({
    reference_id: referenceId,
    external_id: externalId,
    sub_resource: 'sms',
    errors: [],
    status: { code, description, updated_on: '2026-01-05T09:00:05.000000Z' },
  });
}

/** The inbound path (`/telesign/inbound/{orgId}/{token}`) from the organisation's inbound URL. */
async function inboundPath(h: Harness): Promise<string> {
  const org = await h.api.get('/api/organisation').expect(200);
  return new URL(org.body.inboundUrl as string).pathname;
}

/** Posts a callback signed with the work stream's key, as TeleSign does. */
export async function postCallback(h: Harness, body: string, apiKey = API_KEY) {
  return h.api
    .post(await inboundPath(h))
    .set(callbackAuthHeaders(CUSTOMER_ID, apiKey, body))
    .set('content-type', 'application/json')
    .send(body);
}

let referenceCounter = 0;
export function nextReferenceId(): string {
  referenceCounter += 1;
  return `AB${referenceCounter.toString(16).toUpperCase().padStart(30, '0')}`;
}

/** The customer texts the support number; returns the conversation id. */
export async function customerTexts(
  h: Harness,
  text = 'Hello, I need help',
  from = CUSTOMER_NUMBER,
): Promise<string> {
  const response = await postCallback(h, moSmsBody(from, SUPPORT_NUMBER, text, nextReferenceId()));
  expect(response.status).toBe(200);
  const list = await h.api.get('/api/conversations').query({ customerNumber: from }).expect(200);
  const live = (list.body.items as Array<{ id: string; state: string }>).filter(
    (c) => c.state !== 'closed',
  );
  return live[0]?.id ?? ''; // newest first
}

/** Texts in, dispatches the offer, accepts it: an Active conversation held by the set-up agent. */
export async function activeConversation(h: Harness, s: Setup): Promise<string> {
  const id = await customerTexts(h);
  await h.channel.service.dispatch();
  await h.api.post(`/api/conversations/${id}/accept`).send({ agentId: s.agentId }).expect(200);
  return id;
}
