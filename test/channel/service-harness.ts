// Test support for the service: manual clock, seeded ids, in-memory store, a fake TeleSign gateway and a signed-callback helper.

import { type ChannelStore, createStore } from '../../channel/adapters/store';
import type { ValidationOutcome } from '../../channel/domain/model';
import { createChannelService } from '../../channel/service/channel-service';
import type {
  ChannelEvent,
  ChannelService,
  CreateWorkStreamInput,
  InboundResult,
} from '../../channel/service/contract';
import type {
  OutboundSms,
  ProbeNumber,
  ProbeOutcome,
  SendOutcome,
  TeleSignCredentials,
  TeleSignGateway,
} from '../../channel/service/telesign-gateway';
import { createManualClock, type ManualClock } from '../../lib/clock';
import { createSeededIds } from '../../lib/ids';
import { callbackAuthHeaders } from '../../lib/telesign-signing';

export const CUSTOMER_ID = 'CID-0001';
export const API_KEY = Buffer.from('channel test key').toString('base64');
export const SUPPORT_NUMBER = '14255550100';
export const CUSTOMER_NUMBER = '14255550123';

export interface FakeGateway extends TeleSignGateway {
  sent: Array<{ credentials: TeleSignCredentials; sms: OutboundSms }>;
  /** Outcomes to return for the next sends, in order; afterwards every send succeeds. */
  nextSends: Array<SendOutcome | Error>;
  probe: ProbeOutcome | Error;
  /** The number each probe was asked to validate with a test SMS (undefined: credentials only). */
  probes: Array<ProbeNumber | undefined>;
}

export function createFakeGateway(): FakeGateway {
  let counter = 0;
  const gateway: FakeGateway = {
    sent: [],
    nextSends: [],
    probe: { outcome: 'valid', detail: 'TeleSign accepted the credentials.' },
    async sendSms(credentials, sms) {
      gateway.sent.push({ credentials, sms });
      const next = gateway.nextSends.shift();
      if (next instanceof Error) throw next;
      if (next) return next;
      counter++;
      return {
        ok: true,
        referenceId: `REF${String(counter).padStart(29, '0')}`,
        status: { code: 290, description: 'Message in progress' },
      };
    },
    probes: [],
    async probeCredentials(_credentials, number) {
      gateway.probes.push(number);
      if (gateway.probe instanceof Error) throw gateway.probe;
      return gateway.probe;
    },
  };
  return gateway;
}

export interface Harness {
  service: ChannelService;
  clock: ManualClock;
  gateway: FakeGateway;
  store: ChannelStore;
  events: ChannelEvent[];
  /** A work stream ready to route SMS, with SUPPORT_NUMBER. */
  workStream(input?: Partial<CreateWorkStreamInput>, number?: string): Promise<string>;
  agent(name: string, extra?: { queueIds?: string[]; capacity?: number }): Promise<string>;
  /** The customer texts the support number: a signed `mo_sms` callback as TeleSign posts it. */
  text(
    text: string,
    options?: { from?: string; to?: string; referenceId?: string; apiKey?: string },
  ): Promise<InboundResult>;
  /** TeleSign reports a delivery status for an outbound message. */
  report(
    referenceId: string,
    code: number,
    description?: string,
    externalId?: string | null,
  ): Promise<InboundResult>;
  callback(body: string, authorization: string | undefined): Promise<InboundResult>;
}

let referenceCounter = 0;

export async function createHarness(
  options: { store?: ChannelStore; sweepIntervalMs?: number; seed?: string } = {},
): Promise<Harness> {
  const clock = createManualClock();
  const gateway = createFakeGateway();
  const store = options.store ?? createStore();
  await store.load();
  const service = createChannelService({
    store,
    clock,
    ids: createSeededIds(options.seed ?? 'service-test'),
    gateway,
    inboundBaseUrl: () => 'http://127.0.0.1:4020',
    ...(options.sweepIntervalMs !== undefined ? { sweepIntervalMs: options.sweepIntervalMs } : {}),
  });
  const events: ChannelEvent[] = [];
  service.subscribe((event) => events.push(event));
  const organisation = service.organisation();
  const [orgId = '', token = ''] = organisation.inboundUrl.split('/').slice(-2);

  const callback = (body: string, authorization: string | undefined) =>
    service.receiveCallback({ orgId, token, rawBody: body, authorization });

  return {
    service,
    clock,
    gateway,
    store,
    events,
    async workStream(input = {}, number = SUPPORT_NUMBER) {
      const ws = await service.createWorkStream({ name: 'Support SMS', mode: 'push', ...input });
      await service.saveSmsSettings(ws.id, { customerId: CUSTOMER_ID, apiKey: API_KEY });
      await service.addNumber(ws.id, { number });
      return ws.id;
    },
    async agent(name, extra = {}) {
      return (await service.createAgent({ name, ...extra })).id;
    },
    text(text, opts = {}) {
      referenceCounter++;
      const body = JSON.stringify({
        reference_id: opts.referenceId ?? `MO${String(referenceCounter).padStart(30, '0')}`,
        sub_resource: 'mo_sms',
        errors: [],
        status: {
          code: 1500,
          description: 'Delivered to customer',
          updated_on: new Date(clock.now()).toISOString(),
        },
        user_response: {
          phone_number: opts.from ?? CUSTOMER_NUMBER,
          sender_id: opts.to ?? SUPPORT_NUMBER,
          mo_message: text,
        },
      });
      return callback(
        body,
        callbackAuthHeaders(CUSTOMER_ID, opts.apiKey ?? API_KEY, body).Authorization,
      );
    },
    report(referenceId, code, description = `status ${code}`, externalId = null) {
      const body = JSON.stringify({
        reference_id: referenceId,
        external_id: externalId,
        status: { code, description, updated_on: new Date(clock.now()).toISOString() },
        errors: [],
      });
      return callback(body, callbackAuthHeaders(CUSTOMER_ID, API_KEY, body).Authorization);
    },
    callback,
  };
}

export function probeOutcome(outcome: ValidationOutcome, detail = outcome): ProbeOutcome {
  return { outcome, detail };
}

/** The conversation id of an inbound result, failing loudly otherwise. */
export function conversationOf(result: InboundResult): string {
  if (result.kind !== 'message') throw new Error(`expected a message, got ${result.kind}`);
  return result.conversationId;
}
