// Acts out a customer conversation through both HTTP APIs, the way people would in `npm run sim`:
// the customer texts from a handset, whichever agent is offered accepts, they talk, time passes.
import type { ManualClock } from '../../lib/clock';
import { allPages } from '../world/all-pages';
import type { WorldIds } from '../world/apply-world';
import type { ApiClient } from '../world/http-client';

type Json = Record<string, unknown>;
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

export interface SessionDriver {
  text(text: string, to?: string): Promise<void>;
  /** Accepts with whichever agent is offered (push) or picks with `agent` (pick). */
  take(agent?: string): Promise<string>;
  /** Whether the customer's live conversation is already Active with an agent. */
  taken(): Promise<boolean>;
  send(text: string): Promise<void>;
  act(action: 'end' | 'close-session' | 'release' | 'reopen'): Promise<void>;
  transfer(queue: string): Promise<void>;
  wait(ms: number): Promise<void>;
  sweep(): Promise<void>;
}

export function createSessionDriver(options: {
  channel: ApiClient;
  telesign: ApiClient;
  clock: ManualClock;
  ids: WorldIds;
  settle: () => Promise<void>;
  phone: string;
  supportNumber: string;
}): SessionDriver {
  const { channel, telesign, clock, ids, settle, phone } = options;
  let conversationId = '';
  let agentName = '';
  const agentId = () => ids.agents[agentName] ?? '';
  const current = async (): Promise<string> => {
    const list = arr(await allPages(channel, `/api/conversations?customerNumber=${phone}`));
    const live = list.filter((c) => c.state !== 'closed' && c.state !== 'wrap-up');
    conversationId = String((live.at(-1) ?? list.at(-1))?.id ?? conversationId);
    return conversationId;
  };
  const post = async (path: string, body: Json) => {
    await channel.must('POST', path, body);
    await settle();
  };
  return {
    async text(text, to = options.supportNumber) {
      await telesign.must('POST', `/_sim/handsets/${phone}/messages`, { to, text });
      await settle();
      await current();
    },
    async take(agent) {
      const id = await current();
      if (agent) {
        agentName = agent;
        await post(`/api/conversations/${id}/pick`, { agentId: agentId() });
        return agent;
      }
      for (let tries = 0; tries < 30; tries++) {
        for (const [name, aid] of Object.entries(ids.agents)) {
          const offers = arr(await channel.must('GET', `/api/agents/${aid}/offers`));
          if (offers.some((c) => c.id === id)) {
            agentName = name;
            await post(`/api/conversations/${id}/accept`, { agentId: aid });
            return name;
          }
        }
        await clock.advance(1000);
        await settle();
      }
      throw new Error(`nobody was offered conversation ${id}`);
    },
    async taken() {
      const id = await current();
      if (!id) return false;
      const detail = (await channel.must('GET', `/api/conversations/${id}`)) as Json;
      if (detail.state === 'active' && typeof detail.agentId === 'string') {
        agentName =
          Object.entries(ids.agents).find(([, aid]) => aid === detail.agentId)?.[0] ?? agentName;
        return true;
      }
      return false;
    },
    async send(text) {
      await post(`/api/conversations/${conversationId}/messages`, { agentId: agentId(), text });
    },
    async act(action) {
      await post(`/api/conversations/${conversationId}/${action}`, { agentId: agentId() });
    },
    async transfer(queue) {
      await post(`/api/conversations/${conversationId}/transfer`, {
        agentId: agentId(),
        queueId: ids.queues[queue],
      });
    },
    async wait(ms) {
      await clock.advance(ms);
      await settle();
    },
    async sweep() {
      await channel.must('POST', '/api/auto-close/sweep');
      await settle();
    },
  };
}
