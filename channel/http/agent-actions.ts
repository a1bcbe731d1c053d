// Agent API on a conversation: accept, reject, pick, close session, end, release, re-open,
// transfer, send a message, link a contact or account (R-AG-3, R-AG-4, R-CV, R-MSG-2, R-MSG-4).
import { z } from 'zod';
import type { ChannelService } from '../service/contract';
import { agentBody, idParams } from './common-schemas';
import { type Route, type RouteErrorCode, route } from './route';
import { conversationSchema, messageSchema } from './schemas/conversation';

const tag = 'agent actions';

type SimpleAction = 'accept' | 'reject' | 'pick' | 'closeSession' | 'end' | 'release' | 'reopen';

/** What acting on a conversation the agent must hold can answer (R-CV-1, R-CV-5). */
const HELD: RouteErrorCode[] = [
  'NOT_FOUND',
  'CONVERSATION_CLOSED',
  'NOT_CONVERSATION_AGENT',
  'TRANSITION_NOT_ALLOWED',
];

const SIMPLE_ACTIONS: Array<{
  path: string;
  action: SimpleAction;
  summary: string;
  errors: RouteErrorCode[];
}> = [
  {
    path: 'accept',
    action: 'accept',
    summary: 'Accept an offer (push): Open → Active',
    errors: ['NOT_FOUND', 'CONVERSATION_CLOSED', 'NO_OFFER'],
  },
  {
    path: 'reject',
    action: 'reject',
    summary: 'Reject an offer (push): offered to the next agent',
    errors: ['NOT_FOUND', 'NO_OFFER'],
  },
  {
    path: 'pick',
    action: 'pick',
    summary: 'Pick a conversation from a queue (pick): Open → Active',
    errors: [
      'NOT_FOUND',
      'WRONG_MODE',
      'CONVERSATION_CLOSED',
      'TRANSITION_NOT_ALLOWED',
      'AGENT_NOT_ELIGIBLE',
    ],
  },
  {
    path: 'close-session',
    action: 'closeSession',
    summary: 'Close the session: Active → Waiting, Wrap-up → Closed',
    errors: HELD,
  },
  {
    path: 'end',
    action: 'end',
    summary: 'End the conversation: Active → Wrap-up, resolved',
    errors: HELD,
  },
  {
    path: 'release',
    action: 'release',
    summary: 'Release to the queue: Active → Open',
    errors: HELD,
  },
  {
    path: 'reopen',
    action: 'reopen',
    summary: 'Re-open from work items: Waiting → Active',
    errors: [...HELD, 'AGENT_NOT_ELIGIBLE'],
  },
];

export const transferBody = z.strictObject({
  agentId: z.string().min(1, 'name the agent acting'),
  queueId: z.string().min(1, 'name the queue to transfer to'),
});
// Length and emptiness are the service's rules (R-MSG-2, R-MSG-4), with their own codes.
export const sendBody = z.strictObject({
  agentId: z.string().min(1, 'name the agent acting'),
  text: z.string(),
});
export const linkContactBody = z.strictObject({
  agentId: z.string().min(1, 'name the agent acting'),
  contactId: z.string().min(1, 'name the contact to link'),
});

export const linkAccountBody = z.strictObject({
  agentId: z.string().min(1, 'name the agent acting'),
  accountId: z.string().min(1, 'name the account to link'),
});

export function agentActionRoutes(service: ChannelService): Route[] {
  const simple = SIMPLE_ACTIONS.map(({ path, action, summary, errors }) =>
    route({
      method: 'post',
      path: `/api/conversations/:id/${path}`,
      tag,
      summary,
      params: idParams,
      body: agentBody,
      response: conversationSchema,
      errors,
      handle: ({ params, body }) => service[action](body.agentId, params.id),
    }),
  );
  return [
    ...simple,
    route({
      method: 'post',
      path: '/api/conversations/:id/transfer',
      tag,
      summary: 'Transfer to a queue: Active → Open, routed there',
      params: idParams,
      body: transferBody,
      response: conversationSchema,
      errors: HELD,
      handle: ({ params, body }) => service.transfer(body.agentId, params.id, body.queueId),
    }),
    route({
      method: 'post',
      path: '/api/conversations/:id/messages',
      tag,
      summary: 'Send an SMS to the customer through TeleSign (at most 1600 characters)',
      params: idParams,
      body: sendBody,
      // An SMS may hold line breaks and tabs; no other control character (control-characters.ts).
      multiline: ['text'],
      status: 201,
      response: messageSchema,
      errors: [
        'NOT_FOUND',
        'CONVERSATION_CLOSED',
        'NOT_CONVERSATION_AGENT',
        'MESSAGE_TOO_LONG',
        'MESSAGE_EMPTY',
        'SMS_SETTINGS_INCOMPLETE',
      ],
      handle: ({ params, body }) => service.send(body.agentId, params.id, body.text),
    }),
    route({
      method: 'post',
      path: '/api/conversations/:id/contact',
      tag,
      summary: 'Link the conversation to a contact',
      params: idParams,
      body: linkContactBody,
      response: conversationSchema,
      errors: ['NOT_FOUND', 'CONVERSATION_CLOSED', 'NOT_CONVERSATION_AGENT'],
      handle: ({ params, body }) => service.linkContact(body.agentId, params.id, body.contactId),
    }),
    route({
      method: 'post',
      path: '/api/conversations/:id/account',
      tag,
      summary: 'Link the conversation to an account',
      params: idParams,
      body: linkAccountBody,
      response: conversationSchema,
      errors: ['NOT_FOUND', 'CONVERSATION_CLOSED', 'NOT_CONVERSATION_AGENT'],
      handle: ({ params, body }) => service.linkAccount(body.agentId, params.id, body.accountId),
    }),
  ];
}
