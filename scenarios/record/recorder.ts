// Turns what happened in a live session into the scenario format: the steps people took (texts,
// agent actions, presence) with their times, then the outcome they led to as expectations.
// Built from the channel's own records (transitions, transcripts: R-CV-4) and its event stream.
import { stringify } from 'yaml';
import { allPages } from '../world/all-pages';
import type { WorldIds } from '../world/apply-world';
import { expandWorld } from '../world/expand-world';
import type { ApiClient } from '../world/http-client';
import { loadWorld } from '../world/load-world';
import { type ObservedRequest, stepForRequest } from './request-steps';
import { rank } from './step-order';
import { worldNames } from './world-names';

export interface ChannelEventLike {
  type: string;
  at: number;
  conversationId?: string;
  agentId?: string;
  /** `conversation.declined`: rejected, timed-out or withdrawn. */
  reason?: string;
}

export interface RecorderOptions {
  channel: ApiClient;
  /** The world the session started from, by name (as a scenario's `world:`). */
  world: string;
  override?: Record<string, unknown>;
  ids: WorldIds;
  /** When the session started (the replay's clock start). */
  startedAt: number;
  name?: string;
  by?: string;
  /** What the recording cannot hold from the start (e.g. a session that began on kept data). */
  caveats?: string[];
}

/** Which part of the session a recording holds: every conversation, or one (with every world change). */
export interface RecordingScope {
  conversationId?: string;
  /** The recording's name; default the recorder's. */
  name?: string;
}

export interface Recorder {
  /** Notes every agent's presence at the start, so only changes are recorded. */
  start(): Promise<void>;
  /** Feed every channel event (from `service.subscribe` or `GET /api/events`); only conversations opened during the session are recorded. */
  onEvent(event: ChannelEventLike): void;
  /**
   * A step the channel's records cannot show (a delivery policy or fault set on the fake TeleSign),
   * recorded as given at `at`.
   */
  note(at: number, step: Record<string, unknown>): void;
  /**
   * A state-changing request the session made to either server (answered 2xx): admin changes,
   * delivery policies, faults, rate limits, clock moves become steps; what cannot be written as a
   * step is listed in the recording's description.
   */
  onRequest(request: ObservedRequest): void;
  /**
   * Steps and outcome as a scenario object; the outcome is checked at `endedAt` (default: the last
   * step). With `scope.conversationId`, that conversation alone (world changes, presence and
   * rejections kept); null when it was not opened during the session.
   */
  build(endedAt?: number, scope?: RecordingScope): Promise<RecordedScenario>;
  /** The same, as YAML text ready to write to a file. */
  toYaml(endedAt?: number): Promise<string>;
  /** One part of the session as YAML; null when the conversation was not opened during it. */
  scopedYaml(endedAt: number, scope: RecordingScope): Promise<string | null>;
  /** Whether the conversation was opened during the session (so it can be recorded). */
  has(conversationId: string): boolean;
}

type Json = Record<string, unknown>;
export type RecordedStep = Json & { at?: string };
export interface RecordedScenario {
  name: string;
  description?: string;
  tags: string[];
  world: string;
  override?: Record<string, unknown>;
  clock: string;
  recorded: { at: string; by?: string };
  outcome: string;
  steps: RecordedStep[];
}

const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);
const iso = (ms: number): string => new Date(ms).toISOString();

/** What an agent did, read back from a recorded transition. */
function actionOf(t: Json): string | null {
  const actor = obj(t.actor);
  if (actor.kind !== 'agent') return null;
  const reason = String(t.reason ?? '');
  const key = `${t.from}>${t.to}`;
  if (key === 'open>active') return /pick/i.test(reason) ? 'pick' : 'accept';
  if (key === 'active>waiting' || key === 'wrap-up>closed') return 'close-session';
  if (key === 'active>wrap-up') return 'end';
  if (key === 'waiting>active') return 'reopen';
  if (key === 'active>open') return /transfer/i.test(reason) ? 'transfer' : 'release';
  return null;
}

export function createRecorder(options: RecorderOptions): Recorder {
  const names = worldNames(options.ids);
  const name = names.of;
  const conversations = new Set<string>();
  const initial: Array<{ agentId: string; choice: string }> = [];
  // Presence changes only (an agent's capacity changes far more often): read in event order.
  const presence: Array<{ at: number; agentId: string; choice: string }> = [];
  const latest = new Map<string, string>();
  let reading: Promise<void> = Promise.resolve();
  const choices = new Map<string, string>();
  const notes: Array<{ at: number; step: Json }> = [];
  const rejections: Array<{ at: number; conversationId: string; agentId: string }> = [];
  const unrecorded: string[] = [...(options.caveats ?? [])];
  const choiceOf = async (agentId: string) =>
    String(obj(await options.channel.must('GET', `/api/agents/${agentId}`)).presenceChoice);

  const build = async (endedAt?: number, scope: RecordingScope = {}): Promise<RecordedScenario> => {
    const timeline: Array<{ at: number; order: number; step: RecordedStep }> = [];
    let order = 0;
    const push = (at: number, step: Json) =>
      timeline.push({ at, order: order++, step: { at: iso(at), ...step } });
    const all = arr(await allPages(options.channel, '/api/conversations'));
    const chosen = all
      .filter((c) => conversations.has(String(c.id)))
      .filter((c) => scope.conversationId === undefined || c.id === scope.conversationId)
      .sort((a, b) => Number(a.createdAt) - Number(b.createdAt));
    const aliases = new Map<string, string>();
    chosen.forEach((c, i) => {
      aliases.set(String(c.id), `c${i + 1}`);
    });
    const outcome: RecordedStep[] = [];
    const phones = new Set<string>();
    for (const c of chosen) {
      const alias = aliases.get(String(c.id)) ?? String(c.id);
      const detail = obj(await options.channel.must('GET', `/api/conversations/${c.id}`));
      const messages = arr(detail.messages);
      let first = true;
      for (const m of messages) {
        if (m.direction === 'inbound') {
          push(Number(m.at), {
            text: {
              from: String(detail.customerNumber),
              to: String(detail.supportNumber),
              text: String(m.text),
              ...(first && { as: alias }),
            },
          });
          first = false;
        } else {
          push(Number(m.at), {
            send: { agent: name(m.agentId), conversation: alias, text: String(m.text) },
          });
        }
      }
      for (const t of arr(detail.transitions)) {
        const action = actionOf(t);
        if (!action) continue;
        const agent = name(obj(t.actor).agentId);
        const step: Json = { agent, conversation: alias };
        if (action === 'transfer') step.queue = name(obj(t).queueId) ?? name(detail.queueId);
        push(Number(t.at), { [action]: step });
      }
      // Offers that time out or are withdrawn happen again on replay; a rejection is someone's act.
      for (const r of rejections.filter((r) => r.conversationId === c.id))
        push(r.at, { reject: { agent: name(r.agentId), conversation: alias } });
      phones.add(String(detail.customerNumber));
      outcome.push({
        expect: {
          conversation: alias,
          state: detail.state,
          queue: name(detail.queueId),
          agent: detail.agentId ? name(detail.agentId) : null,
          contact: detail.contactId ? name(detail.contactId) : null,
          account: detail.accountId ? name(detail.accountId) : null,
          routedBy: detail.routedBy === 'default' ? 'default' : obj(detail.routedBy).ruleName,
          resolved: detail.resolved,
          transcript: messages.map((m) =>
            m.direction === 'inbound'
              ? { direction: 'inbound', text: m.text, truncated: m.truncated }
              : {
                  direction: 'outbound',
                  text: m.text,
                  delivery: m.delivery ? obj(m.delivery).code : null,
                },
          ),
          within: '10s',
        },
      });
    }
    for (const n of notes) push(n.at, n.step);
    for (const p of initial) {
      push(options.startedAt, { presence: { agent: name(p.agentId), presence: p.choice } });
    }
    await reading;
    for (const p of presence) {
      push(p.at, { presence: { agent: name(p.agentId), presence: p.choice } });
    }
    // Steps at the same millisecond keep the order a conversation allows (text, accept, send, end, close).
    timeline.sort((a, b) => a.at - b.at || rank(a.step) - rank(b.step) || a.order - b.order);
    const states = chosen.map((c) => `${aliases.get(String(c.id))} ${c.state}`).join(', ');
    return {
      name: scope.name ?? options.name ?? `recorded session ${iso(options.startedAt)}`,
      tags: ['recording'],
      ...(unrecorded.length > 0 && {
        description: `Not recorded (no scenario step makes these changes; a replay may differ): ${unrecorded.join('; ')}`,
      }),
      world: options.world,
      ...(options.override && { override: options.override }),
      clock: iso(options.startedAt),
      recorded: { at: iso(options.startedAt), ...(options.by && { by: options.by }) },
      outcome:
        chosen.length === 0 ? 'nothing happened' : `${chosen.length} conversation(s): ${states}`,
      steps: [
        ...timeline.map((t) => t.step),
        // The outcome is what the world looked like when the session ended: move the clock there first.
        ...outcome.map((step, i) =>
          i === 0 && endedAt !== undefined ? { at: iso(endedAt), ...step } : step,
        ),
      ],
    };
  };

  return {
    async start() {
      // Presences set before recording began are not in the world file: record them as first steps.
      const world = expandWorld(loadWorld(options.world, options.override));
      const planned = new Map(world.agents.map((a) => [a.name, a.presence]));
      for (const agent of arr(await options.channel.must('GET', '/api/agents'))) {
        const id = String(agent.id);
        const choice = String(agent.presenceChoice);
        choices.set(id, choice);
        const inWorld = planned.get(name(id) ?? '');
        if (inWorld !== undefined && inWorld !== choice) initial.push({ agentId: id, choice });
      }
    },
    onEvent(event) {
      if (event.type === 'conversation.opened' && event.conversationId)
        conversations.add(event.conversationId);
      if (
        event.type === 'conversation.declined' &&
        event.reason === 'rejected' &&
        event.conversationId &&
        event.agentId
      ) {
        const { at, conversationId, agentId } = event;
        rejections.push({ at, conversationId, agentId });
      }
      if (event.type === 'agent.changed' && event.agentId) {
        const { at, agentId } = event;
        reading = reading
          .then(async () => {
            const choice = await choiceOf(agentId);
            if ((latest.get(agentId) ?? choices.get(agentId)) === choice) return;
            latest.set(agentId, choice);
            presence.push({ at, agentId, choice });
          })
          // An agent deleted meanwhile has no presence left to record.
          .catch(() => undefined);
      }
    },
    note(at, step) {
      notes.push({ at, step });
    },
    onRequest(request) {
      if (request.at < options.startedAt) return;
      const mapped = stepForRequest(request, names);
      if (mapped === null) return;
      if ('step' in mapped) notes.push({ at: request.at, step: mapped.step });
      else unrecorded.push(`${iso(request.at)} ${mapped.unrecorded}`);
    },
    build,
    async toYaml(endedAt) {
      return stringify(await build(endedAt), { lineWidth: 0 });
    },
    async scopedYaml(endedAt, scope) {
      if (scope.conversationId !== undefined && !conversations.has(scope.conversationId))
        return null;
      return stringify(await build(endedAt, scope), { lineWidth: 0 });
    },
    has: (conversationId) => conversations.has(conversationId),
  };
}
