// Contacts (matched by mobile phone, R-RT-1) and agents (capacity, queues, presence, R-AG-1/2).
import { ChannelError } from '../domain/errors';
import { type Agent, type Contact, DEFAULTS, PRESENCES, type Presence } from '../domain/model';
import { toE164 } from '../domain/sms-number';
import { findAgent, findContact, findQueue, now, type ServiceContext } from './context';
import type { AgentInput, ChannelService, ContactInput } from './contract';
import { withdrawOffers } from './dispatch';
import { agentView } from './views';

type PeopleUseCases = Pick<
  ChannelService,
  | 'listContacts'
  | 'getContact'
  | 'createContact'
  | 'updateContact'
  | 'deleteContact'
  | 'listAgents'
  | 'getAgent'
  | 'createAgent'
  | 'updateAgent'
  | 'setPresence'
>;

function checkName(value: string | undefined, field: string): void {
  if (value !== undefined && (value.trim().length < 1 || value.length > 100))
    throw new ChannelError('VALIDATION_FAILED', {
      field,
      message: `${field} has 1 to 100 characters.`,
    });
}

function checkContact(input: Partial<ContactInput>): void {
  checkName(input.firstName, 'firstName');
  checkName(input.lastName, 'lastName');
  if (
    input.mobilePhone !== undefined &&
    input.mobilePhone !== '' &&
    toE164(input.mobilePhone) === null
  )
    throw new ChannelError('VALIDATION_FAILED', {
      field: 'mobilePhone',
      message: `Mobile phone ${input.mobilePhone} is not a phone number; write it as +<country code><number>.`,
    });
}

function checkPresence(presence: Presence | undefined): void {
  if (presence !== undefined && !PRESENCES.includes(presence))
    throw new ChannelError('VALIDATION_FAILED', {
      field: 'presence',
      message: `Presence is one of ${PRESENCES.join(', ')}.`,
    });
}

function checkCapacity(capacity: number | undefined): void {
  if (capacity !== undefined && (!Number.isInteger(capacity) || capacity < 1))
    throw new ChannelError('VALIDATION_FAILED', {
      field: 'capacity',
      message: 'An agent capacity is a whole number of at least 1.',
    });
}

export function peopleUseCases(ctx: ServiceContext): PeopleUseCases {
  const config = ctx.state.config;
  const memberships = (queueIds: string[] | undefined): string[] => {
    const ids = (queueIds ?? []).filter((id, i, all) => all.indexOf(id) === i);
    ids.forEach((id, i) => {
      findQueue(ctx, id, `queueIds[${i}]`);
    });
    return ids.filter((id) => !findQueue(ctx, id).isDefault);
  };
  const agentChanged = async (agent: Agent): Promise<void> => {
    await ctx.store.saveConfig();
    if (agent.presenceChoice === 'away' || agent.presenceChoice === 'offline')
      await withdrawOffers(ctx, agent.id);
    ctx.emit({ type: 'agent.changed', agentId: agent.id, at: now(ctx) });
    // A change may make the agent eligible for waiting conversations (R-AG-3).
    await ctx.dispatchAll();
  };
  return {
    listContacts: () => structuredClone(config.contacts),
    getContact: (id) => structuredClone(findContact(ctx, id)),
    async createContact(input) {
      checkContact(input);
      const contact: Contact = {
        id: ctx.ids.id('ct'),
        firstName: input.firstName.trim(),
        lastName: input.lastName.trim(),
        ...(input.mobilePhone ? { mobilePhone: input.mobilePhone } : {}),
        ...(input.email ? { email: input.email } : {}),
        status: input.status ?? 'active',
        fields: { ...(input.fields ?? {}) },
      };
      config.contacts.push(contact);
      ctx.contactsByPhone.invalidate();
      await ctx.store.saveConfig();
      return structuredClone(contact);
    },
    async updateContact(id, input) {
      const contact = findContact(ctx, id);
      checkContact(input);
      if (input.firstName !== undefined) contact.firstName = input.firstName.trim();
      if (input.lastName !== undefined) contact.lastName = input.lastName.trim();
      if (input.mobilePhone !== undefined) contact.mobilePhone = input.mobilePhone;
      ctx.contactsByPhone.invalidate();
      if (input.email !== undefined) contact.email = input.email;
      if (input.status !== undefined) contact.status = input.status;
      if (input.fields !== undefined) contact.fields = { ...input.fields };
      await ctx.store.saveConfig();
      return structuredClone(contact);
    },
    async deleteContact(id) {
      findContact(ctx, id);
      config.contacts = config.contacts.filter((c) => c.id !== id);
      ctx.contactsByPhone.invalidate();
      await ctx.store.saveConfig();
    },

    listAgents: () => config.agents.map((a) => agentView(ctx, a)),
    getAgent: (id) => agentView(ctx, findAgent(ctx, id)),
    async createAgent(input: AgentInput) {
      checkName(input.name, 'name');
      checkCapacity(input.capacity);
      checkPresence(input.presence);
      const agent: Agent = {
        id: ctx.ids.id('ag'),
        name: input.name.trim(),
        queueIds: memberships(input.queueIds),
        capacity: input.capacity ?? DEFAULTS.agentCapacity,
        presenceChoice: input.presence ?? 'available',
      };
      config.agents.push(agent);
      await agentChanged(agent);
      return agentView(ctx, agent);
    },
    async updateAgent(id, input) {
      const agent = findAgent(ctx, id);
      checkName(input.name, 'name');
      checkCapacity(input.capacity);
      checkPresence(input.presence);
      if (input.name !== undefined) agent.name = input.name.trim();
      if (input.queueIds !== undefined) agent.queueIds = memberships(input.queueIds);
      if (input.capacity !== undefined) agent.capacity = input.capacity;
      if (input.presence !== undefined) agent.presenceChoice = input.presence;
      await agentChanged(agent);
      return agentView(ctx, agent);
    },
    async setPresence(agentId, presence) {
      const agent = findAgent(ctx, agentId);
      checkPresence(presence);
      agent.presenceChoice = presence;
      await agentChanged(agent);
      return agentView(ctx, agent);
    },
  };
}
