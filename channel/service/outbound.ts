// Channel → TeleSign: agent messages (R-MSG-2/4/6, R-CV-5) and the delivery reports that follow (R-MSG-5/7).
import { describeSms } from '../../lib/sms-text';
import { applyDeliveryStatus } from '../domain/delivery-status';
import { checkOutboundText } from '../domain/message-rules';
import type { Message, WorkStream } from '../domain/model';
import { routingReadinessError } from '../domain/work-stream-rules';
import type { DeliveryReportPayload } from './callback-payloads';
import {
  findAgent,
  findConversation,
  findWorkStream,
  now,
  requireHolder,
  type ServiceContext,
  saveConversation,
  saveMessage,
} from './context';
import type { InboundResult } from './contract';
import type { SendOutcome } from './telesign-gateway';

/** Final codes that mean the message arrived (or very likely did). */
const DELIVERED = new Set([200, 251]);

export async function send(
  ctx: ServiceContext,
  agentId: string,
  conversationId: string,
  text: string,
): Promise<Message> {
  findAgent(ctx, agentId, 'agentId');
  const conversation = findConversation(ctx, conversationId);
  requireHolder(conversation, agentId);
  checkOutboundText(text);
  const workStream = findWorkStream(ctx, conversation.workStreamId);
  const notReady = routingReadinessError(workStream);
  if (notReady) throw notReady;
  const { customerId = '', apiKey = '' } = workStream.sms;

  const at = now(ctx);
  const info = describeSms(text);
  let message: Message = {
    id: ctx.ids.id('msg'),
    conversationId,
    direction: 'outbound',
    text,
    truncated: false,
    at,
    chars: info.chars,
    encoding: info.encoding,
    segments: info.segments,
    agentId,
  };
  // Stored before TeleSign answers, so a delivery report racing the response finds it by external id.
  await saveMessage(ctx, message);
  await saveConversation(ctx, { ...conversation, lastActivityAt: at });

  let outcome: SendOutcome;
  try {
    outcome = await ctx.gateway.sendSms(
      { customerId, apiKey },
      {
        to: conversation.customerNumber,
        from: workStream.number?.number ?? conversation.supportNumber,
        text,
        externalId: message.id,
      },
    );
  } catch (error) {
    outcome = {
      ok: false,
      code: 'unreachable',
      description: error instanceof Error ? error.message : String(error),
      retryable: true,
    };
  }
  const latest = ctx.store.message(message.id) ?? message;
  if (outcome.ok) {
    const applied = applyDeliveryStatus(latest.delivery, { ...outcome.status, at: now(ctx) });
    message = { ...latest, telesignReferenceId: outcome.referenceId, delivery: applied.status };
    await saveMessage(ctx, message);
    ctx.emit({ type: 'message.sent', conversationId, messageId: message.id, at: now(ctx) });
  } else {
    message = { ...latest, failure: { code: outcome.code, description: outcome.description } };
    await saveMessage(ctx, message);
    ctx.emit({
      type: 'message.failed',
      conversationId,
      messageId: message.id,
      reason: `TeleSign ${outcome.code}: ${outcome.description}`,
      at: now(ctx),
    });
  }
  return structuredClone(message);
}

export async function applyDeliveryReport(
  ctx: ServiceContext,
  report: DeliveryReportPayload,
  /** Throws when the report is not signed by the key of the message's work stream (R-SEC-1). */
  checkSigner: (owner: WorkStream | undefined) => void = () => undefined,
): Promise<InboundResult> {
  // A late report on a closed conversation's message finds it in the store's history.
  const message =
    ctx.store.messageByReference(report.reference_id) ??
    (report.external_id ? ctx.store.message(report.external_id) : undefined);
  if (message?.direction !== 'outbound')
    return { kind: 'delivery-report', messageId: null, applied: false };
  const conversation = ctx.store.conversation(message.conversationId);
  checkSigner(ctx.state.config.workStreams.find((w) => w.id === conversation?.workStreamId));
  const at = now(ctx);
  const { status, applied } = applyDeliveryStatus(message.delivery, {
    code: report.status.code,
    description: report.status.description,
    at,
  });
  if (!applied && message.telesignReferenceId)
    return { kind: 'delivery-report', messageId: message.id, applied: false };
  await saveMessage(ctx, {
    ...message,
    telesignReferenceId: message.telesignReferenceId ?? report.reference_id,
    delivery: status,
  });
  if (applied) {
    ctx.emit({
      type: 'message.status',
      conversationId: message.conversationId,
      messageId: message.id,
      code: status.code,
      at,
    });
    if (status.final && !DELIVERED.has(status.code))
      ctx.emit({
        type: 'message.failed',
        conversationId: message.conversationId,
        messageId: message.id,
        reason: status.explanation
          ? `${status.explanation} (TeleSign ${status.code}: ${status.description})`
          : `TeleSign ${status.code}: ${status.description}`,
        at,
      });
  }
  return { kind: 'delivery-report', messageId: message.id, applied };
}
