// Builds a world through the two HTTP APIs only (fake TeleSign control plane, channel admin API)
// and returns the ids it created, so scenarios refer to things by name.

import { expandWorld } from './expand-world';
import { type ApiClient, createApiClient, type FetchLike } from './http-client';
import type { World, WorldCondition, WorldDelivery } from './world-schema';

export interface ApplyWorldOptions {
  channelFetch: FetchLike;
  telesignFetch: FetchLike;
  /** Base URL the channel API is reached at (any host works in-process). */
  channelUrl?: string;
  telesignUrl?: string;
}

export interface WorldIds {
  organisation: { id: string; inboundUrl: string };
  accounts: Record<string, { customerId: string; apiKey: string }>;
  workStreams: Record<string, string>;
  /** Work stream name → its number. */
  numbers: Record<string, string>;
  /** Queue name → id; `default` is the organisation's default queue. */
  queues: Record<string, string>;
  contacts: Record<string, string>;
  /** The channel's accounts (R-RT-1), name → id; `accounts` above are TeleSign's. */
  customerAccounts: Record<string, string>;
  agents: Record<string, string>;
  /** Contact or account name → its phone as TeleSign writes it (digits). */
  phones: Record<string, string>;
}

interface Named {
  id: string;
  name: string;
  isDefault?: boolean;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

const idOf = (value: unknown, what: string): string => {
  const id = record(value).id;
  if (typeof id !== 'string')
    throw new Error(`${what}: the answer carries no id: ${JSON.stringify(value)}`);
  return id;
};

/** Replaces queue names by queue ids inside a rule condition (only `queue` lives outside it). */
const ruleBody = (
  rule: { name: string; condition: WorldCondition; queue: string },
  queues: Record<string, string>,
) => {
  const queueId = queues[rule.queue];
  if (!queueId)
    throw new Error(`routing rule "${rule.name}": no queue named "${rule.queue}" in the world`);
  return { name: rule.name, condition: rule.condition, queueId };
};

export async function applyWorld(input: World, options: ApplyWorldOptions): Promise<WorldIds> {
  const world = expandWorld(input);
  const channel = createApiClient(
    options.channelFetch,
    options.channelUrl ?? 'http://channel.local',
  );
  const telesign = createApiClient(
    options.telesignFetch,
    options.telesignUrl ?? 'http://telesign.local',
  );
  const organisation = record(await channel.must('GET', '/api/organisation'));
  const ids: WorldIds = {
    organisation: { id: String(organisation.id), inboundUrl: String(organisation.inboundUrl) },
    accounts: {},
    workStreams: {},
    numbers: {},
    queues: {},
    contacts: {},
    customerAccounts: {},
    agents: {},
    phones: {},
  };

  for (const account of world.telesign.accounts) {
    const created = record(await telesign.must('POST', '/_sim/accounts', {}));
    const customerId = String(created.customer_id);
    const apiKey = String(created.api_key);
    ids.accounts[account.name] = { customerId, apiKey };
    for (const number of account.numbers) {
      await telesign.must('POST', `/_sim/accounts/${customerId}/numbers`, {
        number,
        type: 'long-code',
      });
    }
    await telesign.must('PUT', `/_sim/accounts/${customerId}/callback-url`, {
      url: ids.organisation.inboundUrl,
    });
  }

  for (const handset of world.handsets) {
    if (handset.delivery) await setDelivery(telesign, handset.phone, handset.delivery);
  }

  await createQueues(channel, world, ids);

  for (const ws of world.workStreams) {
    const created = await channel.must('POST', '/api/work-streams', {
      name: ws.name,
      mode: ws.mode,
      ...(ws.capacityUnits !== undefined && { capacityUnits: ws.capacityUnits }),
      ...(ws.allowedPresences && { allowedPresences: ws.allowedPresences }),
      ...(ws.autoCloseAfterInactivity !== undefined && {
        autoCloseAfterInactivityMs: ws.autoCloseAfterInactivity,
      }),
      ...(ws.offerTimeout !== undefined && { offerTimeoutMs: ws.offerTimeout }),
    });
    const id = idOf(created, `work stream "${ws.name}"`);
    ids.workStreams[ws.name] = id;
    if (ws.account) {
      const account = ids.accounts[ws.account];
      if (!account)
        throw new Error(`work stream "${ws.name}": no TeleSign account named "${ws.account}"`);
      await channel.must('PUT', `/api/work-streams/${id}/sms-settings`, account);
    }
    if (ws.number) {
      await channel.must('POST', `/api/work-streams/${id}/numbers`, {
        number: ws.number,
        type: ws.numberType ?? 'long-code',
      });
      ids.numbers[ws.name] = ws.number;
    }
    if (ws.account && ws.validate)
      await channel.must('POST', `/api/work-streams/${id}/validate-api-key`);
    if (ws.rules.length > 0) {
      await channel.must(
        'PUT',
        `/api/work-streams/${id}/routing-rules`,
        ws.rules.map((rule) => ruleBody(rule, ids.queues)),
      );
    }
  }

  for (const contact of world.contacts) {
    const { name, ...body } = contact;
    ids.contacts[name] = idOf(
      await channel.must('POST', '/api/contacts', body),
      `contact "${name}"`,
    );
    if (contact.mobilePhone) ids.phones[name] = contact.mobilePhone.replace(/\D/g, '');
  }

  for (const account of world.accounts) {
    const { name, displayName, ...body } = account;
    ids.customerAccounts[name] = idOf(
      await channel.must('POST', '/api/accounts', { name: displayName ?? name, ...body }),
      `account "${name}"`,
    );
    if (account.mainPhone) ids.phones[name] = account.mainPhone.replace(/\D/g, '');
  }

  for (const agent of world.agents) {
    const queueIds = agent.queues.map((queue) => {
      const id = ids.queues[queue];
      if (!id) throw new Error(`agent "${agent.name}": no queue named "${queue}" in the world`);
      return id;
    });
    const created = await channel.must('POST', '/api/agents', {
      name: agent.displayName ?? agent.name,
      queueIds,
      ...(agent.capacity !== undefined && { capacity: agent.capacity }),
      ...(agent.presence && { presence: agent.presence }),
    });
    ids.agents[agent.name] = idOf(created, `agent "${agent.name}"`);
  }
  return ids;
}

async function createQueues(channel: ApiClient, world: World, ids: WorldIds): Promise<void> {
  const existing = (await channel.must('GET', '/api/queues')) as Named[];
  for (const queue of existing) {
    if (queue.isDefault) ids.queues.default = queue.id;
    ids.queues[queue.name] = queue.id;
  }
  for (const name of world.queues) {
    if (ids.queues[name]) continue;
    ids.queues[name] = idOf(await channel.must('POST', '/api/queues', { name }), `queue "${name}"`);
  }
}

/** The fake TeleSign's delivery setting for a world delivery policy. */
export function deliverySetting(delivery: WorldDelivery): Record<string, unknown> {
  const policy = ((): unknown => {
    switch (delivery.policy) {
      case 'deliver':
        return 'default';
      case 'fail':
        return { fail: delivery.code ?? 210 };
      case 'delay':
        return { after: delivery.after ?? 60_000 };
      default:
        return delivery.policy;
    }
  })();
  return { policy, ...(delivery.extra !== undefined && { delayMs: delivery.extra }) };
}

/** Sets how the carrier treats messages to `phone` on the fake TeleSign. */
export async function setDelivery(
  telesign: ApiClient,
  phone: string,
  delivery: WorldDelivery,
): Promise<void> {
  await telesign.must('PUT', `/_sim/handsets/${phone}/delivery`, deliverySetting(delivery));
}
