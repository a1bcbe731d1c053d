// TeleSign → channel: verifies the signature (R-SEC-1), then handles an inbound SMS (R-CV-2, R-RT, R-MSG-3/7)
// or a delivery report (R-MSG-5/7); a support number no work stream owns is recorded as unroutable (R-SEC-2).

import { describeSms } from '../../lib/sms-text';
import { ChannelError } from '../domain/errors';
import { inboundTranscriptText } from '../domain/message-rules';
import type { Conversation, InboundEvent, Message, WorkStream } from '../domain/model';
import { route } from '../domain/routing';
import { missingForRouting } from '../domain/work-stream-rules';
import { move } from './agent-actions';
import {
  deliveryReportPayload,
  describeIssue,
  type InboundSmsPayload,
  inboundSmsPayload,
  parseCallbackBody,
} from './callback-payloads';
import {
  defaultQueue,
  now,
  pairKey,
  type ServiceContext,
  saveConversation,
  saveMessage,
} from './context';
import type { InboundRequest, InboundResult } from './contract';
import { offerConversation } from './dispatch';
import { authenticate, requireSignedBy } from './inbound-auth';
import { applyDeliveryReport } from './outbound';
import { sameNumberWith } from './phone-index';
import { loopbackArrived } from './validation-loopback';

type CustomerLink = Pick<Conversation, 'contactMatch'> & { contactId?: string; accountId?: string };

/**
 * Active contacts by mobile phone and active accounts by main phone, counted together (R-RT-1 as
 * amended): exactly one record links the conversation to it; none or several flag it (R-RT-2).
 */
function linkCustomer(ctx: ServiceContext, customerNumber: string): CustomerLink {
  const contacts = ctx.contactsByPhone.matching(customerNumber);
  const accounts = ctx.accountsByPhone.matching(customerNumber);
  const total = contacts.length + accounts.length;
  if (total === 0) return { contactMatch: 'none' };
  if (total > 1) return { contactMatch: 'many' };
  const [contact] = contacts;
  const [account] = accounts;
  if (contact) return { contactMatch: 'linked', contactId: contact.id };
  return account ? { contactMatch: 'linked', accountId: account.id } : { contactMatch: 'none' };
}

/** Routes by the work stream's rules, or to the default queue (R-RT-3/4/5); the text is no input. */
function routeFor(
  ctx: ServiceContext,
  workStream: WorkStream,
  customerNumber: string,
  supportNumber: string,
  link: { contactId?: string | undefined; accountId?: string | undefined },
) {
  const config = ctx.state.config;
  const contact = link.contactId ? config.contacts.find((c) => c.id === link.contactId) : undefined;
  const account = link.accountId ? config.accounts.find((a) => a.id === link.accountId) : undefined;
  return route(
    workStream.routingRules,
    { contact, account, customerNumber, supportNumber },
    defaultQueue(ctx).id,
  );
}

async function receiveSms(
  ctx: ServiceContext,
  payload: InboundSmsPayload,
  rawBody: string,
  signers: WorkStream[],
): Promise<InboundResult> {
  const at = now(ctx);
  const referenceId = payload.reference_id;
  const {
    phone_number: customerNumber,
    sender_id: supportNumber,
    mo_message: fullText,
  } = payload.user_response;
  const event = (
    outcome: InboundEvent['outcome'],
    conversationId?: string,
    messageId?: string,
  ): InboundEvent => ({
    kind: 'sms',
    referenceId,
    receivedAt: at,
    rawBody,
    outcome,
    ...(conversationId ? { conversationId } : {}),
    ...(messageId ? { messageId } : {}),
  });

  const workStream = ctx.state.config.workStreams.find((w) =>
    sameNumberWith(ctx.e164, w.number?.number, supportNumber),
  );
  requireSignedBy(signers, workStream);

  const known = ctx.store.messageByReference(referenceId);
  if (known && known.direction === 'inbound') {
    await ctx.store.saveInboundEvent(event('duplicate', known.conversationId, known.id));
    return {
      kind: 'message',
      conversationId: known.conversationId,
      messageId: known.id,
      duplicate: true,
    };
  }

  if (!workStream || missingForRouting(workStream).length > 0) {
    await ctx.store.saveInboundEvent(event('unroutable'));
    ctx.emit({ type: 'inbound.unroutable', supportNumber, at });
    return { kind: 'unroutable', supportNumber };
  }

  // Validation texts the work stream's number from itself (R-WS-5): acknowledged, never a conversation.
  if (sameNumberWith(ctx.e164, customerNumber, supportNumber)) {
    await ctx.store.saveInboundEvent(event('validation-probe'));
    // It came back: the account owns the number (R-WS-5 clarified).
    if (loopbackArrived(ctx, workStream)) {
      await ctx.store.saveConfig();
      ctx.emit({ type: 'admin.changed', resource: `work-stream:${workStream.id}:validation`, at });
    }
    return { kind: 'validation-probe' };
  }

  const { text, truncated } = inboundTranscriptText(fullText);
  const liveId = ctx.liveByPair.get(pairKey(customerNumber, supportNumber));
  let conversation = liveId ? ctx.live.get(liveId) : undefined;
  if (conversation?.state === 'wrap-up') conversation = undefined; // resolved: a new conversation opens (R-CV-2)

  if (!conversation) {
    const link = linkCustomer(ctx, customerNumber);
    const routed = routeFor(ctx, workStream, customerNumber, supportNumber, link);
    conversation = {
      id: ctx.ids.id('cv'),
      workStreamId: workStream.id,
      customerNumber,
      supportNumber,
      state: 'open',
      queueId: routed.queueId,
      routedBy: routed.routedBy,
      ...link,
      rejectedBy: [],
      resolved: false,
      createdAt: at,
      lastActivityAt: at,
      transitions: [
        {
          from: null,
          to: 'open',
          at,
          actor: { kind: 'customer' },
          reason: 'first inbound SMS with no live conversation',
        },
      ],
    };
    await saveConversation(ctx, conversation);
    ctx.emit({ type: 'conversation.opened', conversationId: conversation.id, at });
    ctx.emit({
      type: 'conversation.changed',
      conversationId: conversation.id,
      from: null,
      to: 'open',
      reason: 'first inbound SMS',
      at,
    });
    ctx.emit({
      type: 'conversation.routed',
      conversationId: conversation.id,
      queueId: routed.queueId,
      routedBy: routed.routedBy === 'default' ? 'default' : routed.routedBy.ruleId,
      at,
    });
  } else if (conversation.state === 'waiting') {
    const routed = routeFor(ctx, workStream, customerNumber, supportNumber, conversation);
    conversation = await move(
      ctx,
      conversation,
      'open',
      { kind: 'customer' },
      'customer texted again while waiting',
      {
        agentId: undefined,
        queueId: routed.queueId,
        routedBy: routed.routedBy,
        rejectedBy: [],
      },
    );
    ctx.emit({
      type: 'conversation.routed',
      conversationId: conversation.id,
      queueId: routed.queueId,
      routedBy: routed.routedBy === 'default' ? 'default' : routed.routedBy.ruleId,
      at,
    });
  } else {
    conversation = await saveConversation(ctx, { ...conversation, lastActivityAt: at });
  }

  const info = describeSms(text);
  const message: Message = {
    id: ctx.ids.id('msg'),
    conversationId: conversation.id,
    direction: 'inbound',
    text,
    truncated,
    at,
    chars: info.chars,
    encoding: info.encoding,
    segments: info.segments,
    telesignReferenceId: referenceId,
  };
  // Both lines go to the journal in one batch; the answer waits for both.
  await Promise.all([
    saveMessage(ctx, message),
    ctx.store.saveInboundEvent(event('accepted', conversation.id, message.id)),
  ]);
  ctx.emit({
    type: 'message.received',
    conversationId: conversation.id,
    messageId: message.id,
    at,
  });
  // Only this conversation changed; agents' eligibility did not, so older waiting ones stay as they are.
  const current = ctx.live.get(conversation.id);
  if (current) await offerConversation(ctx, current);
  return {
    kind: 'message',
    conversationId: conversation.id,
    messageId: message.id,
    duplicate: false,
  };
}

export async function receiveCallback(
  ctx: ServiceContext,
  request: InboundRequest,
): Promise<InboundResult> {
  const signers = authenticate(ctx, request);
  const parsed = parseCallbackBody(request.rawBody);
  if (!parsed)
    throw new ChannelError('VALIDATION_FAILED', {
      field: 'body',
      message: 'The callback body is not a JSON object.',
    });
  if (parsed.subResource === 'mo_sms') {
    const payload = inboundSmsPayload.safeParse(parsed.json);
    if (!payload.success) throw new ChannelError('VALIDATION_FAILED', describeIssue(payload.error));
    // A retry that arrives while the first delivery is still being stored waits for it (R-MSG-7).
    const referenceId = payload.data.reference_id;
    const pending = ctx.inboundInFlight.get(referenceId);
    if (pending) {
      const first = await pending.catch(() => undefined);
      if (first?.kind === 'message') return { ...first, duplicate: true };
    }
    const work = receiveSms(ctx, payload.data, request.rawBody, signers);
    ctx.inboundInFlight.set(referenceId, work);
    try {
      return await work;
    } finally {
      if (ctx.inboundInFlight.get(referenceId) === work) ctx.inboundInFlight.delete(referenceId);
    }
  }
  const report = deliveryReportPayload.safeParse(parsed.json);
  if (!report.success) throw new ChannelError('VALIDATION_FAILED', describeIssue(report.error));
  const result = await applyDeliveryReport(ctx, report.data, (owner) =>
    requireSignedBy(signers, owner),
  );
  await recordDeliveryReport(ctx, report.data.reference_id, request.rawBody, result);
  return result;
}

/** Delivery reports are kept as received too, beside inbound SMS (R-MSG-5, R-MSG-7). */
async function recordDeliveryReport(
  ctx: ServiceContext,
  referenceId: string,
  rawBody: string,
  result: InboundResult,
): Promise<void> {
  if (result.kind !== 'delivery-report') return;
  const message = result.messageId ? ctx.store.message(result.messageId) : undefined;
  await ctx.store.saveInboundEvent({
    kind: 'delivery-report',
    referenceId,
    receivedAt: now(ctx),
    rawBody,
    outcome: !message ? 'unknown-message' : result.applied ? 'accepted' : 'stale',
    ...(message ? { conversationId: message.conversationId, messageId: message.id } : {}),
  });
}
