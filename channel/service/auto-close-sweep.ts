// The auto-close sweep (R-CV-3): closes every live conversation that became eligible, recorded as the system's doing.
import { type AutoCloseLimits, autoCloseReason } from '../domain/auto-close';
import { type Conversation, DEFAULTS } from '../domain/model';
import { move } from './agent-actions';
import { now, type ServiceContext } from './context';

/** The limits that apply to `conversation`: its work stream's Waiting limit, the rule's others. */
export function autoCloseLimits(ctx: ServiceContext, conversation: Conversation): AutoCloseLimits {
  const workStream = ctx.state.config.workStreams.find((w) => w.id === conversation.workStreamId);
  return {
    waitingMs: workStream?.autoCloseAfterInactivityMs ?? DEFAULTS.autoCloseAfterInactivityMs,
  };
}

export async function sweep(ctx: ServiceContext): Promise<string[]> {
  const at = now(ctx);
  const closed: string[] = [];
  const freedAgents = new Set<string>();
  let offerWithdrawn = false;
  for (const conversation of [...ctx.live.values()]) {
    const reason = autoCloseReason(conversation, autoCloseLimits(ctx, conversation), at);
    if (!reason) continue;
    await move(ctx, conversation, 'closed', { kind: 'system' }, reason);
    if (conversation.agentId) freedAgents.add(conversation.agentId);
    // The capacity a pending offer reserved is free again.
    if (conversation.offer) offerWithdrawn = true;
    closed.push(conversation.id);
  }
  for (const agentId of freedAgents) ctx.emit({ type: 'agent.changed', agentId, at });
  if (freedAgents.size > 0 || offerWithdrawn) await ctx.dispatchAll();
  return closed;
}
