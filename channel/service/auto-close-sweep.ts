// The auto-close sweep (R-CV-3): closes every live conversation that became eligible, recorded as the system's doing.
import { autoCloseReason } from '../domain/auto-close';
import { DEFAULTS } from '../domain/model';
import { move } from './agent-actions';
import { now, type ServiceContext } from './context';

export async function sweep(ctx: ServiceContext): Promise<string[]> {
  const at = now(ctx);
  const closed: string[] = [];
  const freedAgents = new Set<string>();
  let offerWithdrawn = false;
  for (const conversation of [...ctx.live.values()]) {
    const workStream = ctx.state.config.workStreams.find((w) => w.id === conversation.workStreamId);
    const waitingMs = workStream?.autoCloseAfterInactivityMs ?? DEFAULTS.autoCloseAfterInactivityMs;
    const reason = autoCloseReason(conversation, { waitingMs }, at);
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
