// Who may take a conversation and in which order (R-AG-3, R-AG-4, R-AG-5).
import type { Agent, ConversationState, WorkStream } from './model';
import { effectivePresence } from './presence';

export interface AgentLoad {
  /** Capacity held by the agent's Active and Wrap-up conversations (R-AG-5). */
  usedCapacity: number;
  activeConversations: number;
}

export interface Candidate {
  agent: Agent;
  load: AgentLoad;
}

/** Capacity is held in Active and Wrap-up only (R-AG-5). */
export function holdsCapacity(state: ConversationState): boolean {
  return state === 'active' || state === 'wrap-up';
}

/** Whether the agent may take a conversation of `workStream` in `queueId` now. */
export function isEligible(
  candidate: Candidate,
  workStream: Pick<WorkStream, 'allowedPresences' | 'capacityUnits'>,
  queueId: string,
  defaultQueueId: string,
): boolean {
  const { agent, load } = candidate;
  const member = queueId === defaultQueueId || agent.queueIds.includes(queueId);
  const presence = effectivePresence(agent.presenceChoice, load.usedCapacity, agent.capacity);
  const remaining = agent.capacity - load.usedCapacity;
  return (
    member &&
    workStream.allowedPresences.includes(presence) &&
    remaining >= workStream.capacityUnits
  );
}

/**
 * Eligible agents in offer order: most remaining capacity, then fewest active conversations, then
 * longest since last assignment (never assigned counts as longest); ties by id for repeatability.
 */
export function offerOrder(
  candidates: Candidate[],
  workStream: Pick<WorkStream, 'allowedPresences' | 'capacityUnits'>,
  queueId: string,
  defaultQueueId: string,
  excluded: readonly string[] = [],
): Agent[] {
  return candidates
    .filter(
      (c) => !excluded.includes(c.agent.id) && isEligible(c, workStream, queueId, defaultQueueId),
    )
    .sort((a, b) => {
      const remaining =
        b.agent.capacity - b.load.usedCapacity - (a.agent.capacity - a.load.usedCapacity);
      if (remaining !== 0) return remaining;
      const active = a.load.activeConversations - b.load.activeConversations;
      if (active !== 0) return active;
      const idle =
        (a.agent.lastAssignedAt ?? Number.NEGATIVE_INFINITY) -
        (b.agent.lastAssignedAt ?? Number.NEGATIVE_INFINITY);
      if (idle !== 0 && !Number.isNaN(idle)) return idle;
      return a.agent.id < b.agent.id ? -1 : a.agent.id > b.agent.id ? 1 : 0;
    })
    .map((c) => c.agent);
}
