// Response schemas of contacts, accounts and agents (R-RT-1, R-AG-1, R-AG-2), each exactly the service's type.
import { z } from 'zod';
import type { Account, Contact } from '../../domain/model';
import type { AgentView } from '../../service/contract';
import { presence } from '../common-schemas';
import { assertExact, component, type Exact } from './components';

export const contactSchema = component(
  'Contact',
  z.strictObject({
    id: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    mobilePhone: z.string().optional().describe('CRM form `+<cc><number>`.'),
    email: z.string().optional(),
    status: z.enum(['active', 'inactive']),
    fields: z.record(z.string(), z.string()),
  }),
);
assertExact<Exact<z.output<typeof contactSchema>, Contact>>(true);

export const accountSchema = component(
  'Account',
  z.strictObject({
    id: z.string(),
    name: z.string(),
    mainPhone: z
      .string()
      .optional()
      .describe('CRM form `+<cc><number>`; identifies the customer like a contact mobile phone.'),
    status: z.enum(['active', 'inactive']),
    fields: z.record(z.string(), z.string()),
  }),
);
assertExact<Exact<z.output<typeof accountSchema>, Account>>(true);

export const agentSchema = component(
  'Agent',
  z.strictObject({
    id: z.string(),
    name: z.string(),
    queueIds: z.array(z.string()),
    capacity: z.number().int(),
    presenceChoice: presence.describe('What the agent chose.'),
    lastAssignedAt: z.number().int().optional(),
    presence: presence.describe('Effective presence (R-AG-2).'),
    usedCapacity: z.number().int(),
    activeConversations: z.number().int(),
  }),
);
assertExact<Exact<z.output<typeof agentSchema>, AgentView>>(true);
