// What an expectation asserts and which names it mentions, read from the expectation alone (no
// servers): the loader uses it to refuse expectations that check nothing or name what does not exist.
import type { Expectation } from './steps/expect-schema';

/** Fields of one conversation; any of them makes `conversation:` meaningful. */
export const CONVERSATION_KEYS = [
  'state',
  'queue',
  'agent',
  'contact',
  'account',
  'linkedKind',
  'contactMatch',
  'routedBy',
  'resolved',
  'messageCount',
  'transcript',
  'message',
  'transitions',
  'offerHistory',
] as const;

/** Keys that say where or how long to look, and assert nothing by themselves. */
const WHERE_KEYS = new Set(['within', 'conversation', 'handset']);

type Path = Array<string | number>;

export interface Vacuity {
  key: Path;
  message: string;
}

const isEmptyObject = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 0;

const EXAMPLES =
  'e.g. state, transcript, inbox, error, offers, journal, inboundEvents (see docs/scenario-vocabulary.md)';

/** Every part of `e` that checks nothing, with what to write instead. */
export function vacuityOf(e: Expectation): Vacuity[] {
  const out: Vacuity[] = [];
  const given = Object.entries(e).filter(([, v]) => v !== undefined);
  const asserted = given.filter(([key]) => !WHERE_KEYS.has(key));
  if (asserted.length === 0) {
    const advice =
      e.handset !== undefined
        ? `handset: ${e.handset} only says whose phone to look at; add inbox: [texts the phone must have received]`
        : e.conversation !== undefined
          ? `conversation: ${e.conversation} only says which conversation; add one of ${CONVERSATION_KEYS.join(', ')}`
          : e.within !== undefined
            ? `within only says how long to keep trying; add what must hold, ${EXAMPLES}`
            : `add what must hold, ${EXAMPLES}`;
    out.push({ key: [], message: `this expectation checks nothing: ${advice}` });
    return out;
  }
  if (e.conversation !== undefined && !CONVERSATION_KEYS.some((k) => e[k] !== undefined)) {
    out.push({
      key: ['conversation'],
      message: `conversation: ${e.conversation} is checked by nothing here: add one of ${CONVERSATION_KEYS.join(', ')}, or drop it`,
    });
  }
  if (e.handset !== undefined && e.inbox === undefined) {
    out.push({
      key: ['handset'],
      message: `handset: ${e.handset} is checked by nothing here: add inbox: [texts the phone must have received], or drop it`,
    });
  }
  if (e.inbox !== undefined && e.handset === undefined) {
    out.push({
      key: ['inbox'],
      message: 'inbox needs handset: <contact name or phone> to say whose',
    });
  }
  if (e.journal !== undefined && e.journal.length === 0) {
    out.push({
      key: ['journal'],
      message: 'journal: [] checks nothing: list the entries that must be there, in order',
    });
  }
  for (const [index, entry] of (e.journal ?? []).entries()) {
    if (isEmptyObject(entry))
      out.push({
        key: ['journal', index],
        message: 'a journal entry {} matches any entry: say which fields it has (kind, …)',
      });
  }
  if (
    e.inboundEvents !== undefined &&
    e.inboundEvents.count === undefined &&
    e.inboundEvents.last === undefined
  ) {
    out.push({
      key: ['inboundEvents'],
      message: 'inboundEvents checks nothing: add count, last or all',
    });
  }
  if (e.agentState !== undefined && Object.keys(e.agentState).length === 1) {
    out.push({
      key: ['agentState'],
      message: `agentState of ${e.agentState.agent} checks nothing: add presence, usedCapacity or activeConversations`,
    });
  }
  if (e.workItems !== undefined && Object.keys(e.workItems).length === 1) {
    out.push({
      key: ['workItems'],
      message: `workItems of ${e.workItems.agent} checks nothing: add active, waiting or wrap-up: [conversations]`,
    });
  }
  if (e.workStream !== undefined && Object.keys(e.workStream).length === 1) {
    out.push({
      key: ['workStream'],
      message: `workStream ${e.workStream.name} checks nothing: add the fields it must have (sms, mode, …)`,
    });
  }
  if (e.result !== undefined && isEmptyObject(e.result)) {
    out.push({
      key: ['result'],
      message: 'result: {} matches any answer: add the fields it must have',
    });
  }
  if (e.errorMessage === '') {
    out.push({
      key: ['errorMessage'],
      message: 'errorMessage: "" is in every message: write a part of the expected message',
    });
  }
  return out;
}

export type NameKind =
  | 'conversation'
  | 'customer'
  | 'agent'
  | 'contact'
  | 'queue'
  | 'workStream'
  | 'supportNumber'
  | 'rule';

export interface NameUse {
  key: Path;
  kind: NameKind;
  name: string;
}

/** Every name and alias `e` mentions (also inside a matcher's `not`), with what it must be. */
export function namesIn(e: Expectation): NameUse[] {
  const out: NameUse[] = [];
  const use = (key: Path, kind: NameKind, name: unknown, none = false): void => {
    if (typeof name === 'object' && name !== null && 'not' in name) {
      use([...key, 'not'], kind, (name as { not: unknown }).not, none);
      return;
    }
    if (typeof name !== 'string') return;
    if (none && name === 'none') return;
    out.push({ key, kind, name });
  };
  const useAll = (key: Path, kind: NameKind, names: unknown) => {
    if (Array.isArray(names)) for (const [i, n] of names.entries()) use([...key, i], kind, n);
    else use(key, kind, names);
  };
  useAll(['conversation'], 'conversation', e.conversation);
  use(['agent'], 'agent', e.agent, true);
  use(['contact'], 'contact', e.contact, true);
  use(['queue'], 'queue', e.queue);
  use(['routedBy'], 'rule', e.routedBy);
  for (const [i, offer] of (e.offerHistory ?? []).entries())
    use(['offerHistory', i, 'agent'], 'agent', offer.agent);
  const c = e.conversations;
  use(['conversations', 'customer'], 'customer', c?.customer);
  use(['conversations', 'supportNumber'], 'supportNumber', c?.supportNumber);
  use(['conversations', 'workStream'], 'workStream', c?.workStream);
  use(['conversations', 'queue'], 'queue', c?.queue);
  use(['conversations', 'agent'], 'agent', c?.agent);
  use(['handset'], 'customer', e.handset);
  use(['agentState', 'agent'], 'agent', e.agentState?.agent);
  use(['offers', 'agent'], 'agent', e.offers?.agent);
  useAll(['offers', 'conversations'], 'conversation', e.offers?.conversations);
  use(['workItems', 'agent'], 'agent', e.workItems?.agent);
  for (const state of ['active', 'waiting', 'wrap-up'] as const)
    useAll(['workItems', state], 'conversation', e.workItems?.[state]);
  use(['workStream', 'name'], 'workStream', e.workStream?.name);
  return out;
}
