// Who may call the inbound URL: the organisation's unguessable URL (R-WS-4) and a TeleSign signature
// by the key of the work stream the callback concerns (R-SEC-1).
import { signaturesEqual, verifyCallback } from '../../lib/telesign-signing';
import { ChannelError } from '../domain/errors';
import type { WorkStream } from '../domain/model';
import type { ServiceContext } from './context';
import type { InboundRequest } from './contract';

/** The work streams whose key signed the body (several share one account), or a ChannelError (nothing changes). */
export function authenticate(ctx: ServiceContext, request: InboundRequest): WorkStream[] {
  const organisation = ctx.state.config.organisation;
  // The token is the URL's secret (R-WS-4): compared in constant time, like a signature.
  if (
    !organisation ||
    request.orgId !== organisation.id ||
    !signaturesEqual(request.token, organisation.token)
  )
    throw new ChannelError('INBOUND_URL_UNKNOWN');
  const customerId = /^TSA ([^:\s]+):/.exec(request.authorization?.trim() ?? '')?.[1];
  const signers = ctx.state.config.workStreams.filter(
    // Customer IDs are UUIDs TeleSign matches whatever their case (R-SEC-1).
    (w) =>
      customerId !== undefined &&
      w.sms.customerId?.toUpperCase() === customerId.toUpperCase() &&
      w.sms.apiKey,
  );
  const verified = signers.filter(
    (w) => verifyCallback(request.authorization, request.rawBody, w.sms.apiKey ?? '').ok,
  );
  if (verified.length > 0) return verified;
  const reason = !request.authorization
    ? 'it carries no Authorization header'
    : signers.length === 0
      ? `no work stream has customer ID ${customerId ?? '(none)'}`
      : 'the signature does not match the body';
  throw new ChannelError('INBOUND_SIGNATURE_INVALID', {
    message: `The callback does not carry a valid TeleSign signature: ${reason}.`,
  });
}

/** A valid signature by one work stream's key proves nothing about another's number (R-SEC-1). */
export function requireSignedBy(signers: WorkStream[], owner: WorkStream | undefined): void {
  if (!owner?.sms.apiKey || signers.some((w) => w.id === owner.id)) return;
  throw new ChannelError('INBOUND_SIGNATURE_INVALID', {
    message: `The callback does not carry a valid TeleSign signature: it is not signed with the key of work stream ${owner.name}.`,
  });
}
