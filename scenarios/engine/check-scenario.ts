// Checks a scenario beyond its schema, before it runs: every expectation asserts something, every
// name and alias it mentions exists, every rule id is in the rulebook, every override names an item
// of the world (or says add:). Each mistake becomes a file:line issue that says what to fix.
import type { Located, SourceIssue } from '../load-yaml';
import { unknownRule } from '../rulebook';
import type { Scenario, Step } from '../scenario-schema';
import { closest, listed } from '../teach-errors';
import { expandWorld } from '../world/expand-world';
import { loadWorld, OverrideError } from '../world/load-world';
import type { World } from '../world/world-schema';
import { type NameKind as Kind, namesIn, vacuityOf } from './expectation-facts';

type Path = Array<string | number>;

interface Known {
  contacts: Set<string>;
  agents: Set<string>;
  queues: Set<string>;
  workStreams: Set<string>;
  accounts: Set<string>;
  rules: Set<string>;
  aliases: Set<string>;
}

const PHONE = /^\+?\d{5,15}$/;
const CONVERSATION_ID = /^cv_|^[a-z]+_[0-9a-f]+$/;

function knownFrom(world: World | undefined): Known {
  const w = world ? expandWorld(world) : undefined;
  return {
    contacts: new Set(w?.contacts.map((c) => c.name)),
    agents: new Set(w?.agents.map((a) => a.name)),
    queues: new Set(['default', ...(w?.queues ?? [])]),
    workStreams: new Set(w?.workStreams.map((ws) => ws.name)),
    accounts: new Set(w?.telesign.accounts.map((a) => a.name)),
    rules: new Set([
      'default',
      ...(w?.workStreams.flatMap((ws) => ws.rules.map((r) => r.name)) ?? []),
    ]),
    aliases: new Set(),
  };
}

/** What a step adds to the names later steps may use. */
function learn(step: Step, known: Known): void {
  const s = step as Record<string, Record<string, unknown> | undefined>;
  const name = (key: string) => {
    const value = s[key]?.name;
    return typeof value === 'string' ? value : undefined;
  };
  const add = (set: Set<string>, value: unknown) => {
    if (typeof value === 'string') set.add(value);
  };
  add(known.aliases, s.text?.as);
  add(known.aliases, s.inbound?.as);
  add(known.agents, name('create-agent'));
  add(known.contacts, name('create-contact'));
  add(known.queues, name('create-queue'));
  add(known.workStreams, name('create-work-stream'));
  add(known.accounts, name('create-account'));
  const rules = s['set-rules']?.rules;
  if (Array.isArray(rules)) for (const r of rules) add(known.rules, (r as { name?: unknown }).name);
}

/** Why `name` (of `kind`) is unknown at this point of the scenario, or null when it is fine. */
function unknownName(kind: Kind, name: string, known: Known): string | null {
  if (kind === 'supportNumber')
    return known.workStreams.has(name) || /^\d{3,15}$/.test(name)
      ? null
      : `"${name}" is neither a work stream nor a number${hint(name, known.workStreams)}`;
  const table: Record<
    Exclude<Kind, 'conversation' | 'customer' | 'supportNumber'>,
    [Set<string>, string]
  > = {
    agent: [known.agents, 'agent'],
    contact: [known.contacts, 'contact'],
    queue: [known.queues, 'queue'],
    workStream: [known.workStreams, 'work stream'],
    rule: [known.rules, 'routing rule'],
  };
  if (kind === 'customer') {
    if (known.contacts.has(name) || PHONE.test(name)) return null;
    return `"${name}" is neither a contact of the world nor a phone number${hint(name, known.contacts)}`;
  }
  if (kind === 'conversation') {
    if (known.aliases.has(name) || known.contacts.has(name) || PHONE.test(name)) return null;
    if (CONVERSATION_ID.test(name)) return null;
    const aliases = [...known.aliases];
    return `no conversation "${name}": not an alias set by an earlier step's as: (${
      aliases.length ? `set so far: ${aliases.join(', ')}` : 'none set so far'
    }), nor a contact or phone${hint(name, [...known.aliases, ...known.contacts])}`;
  }
  const [set, what] = table[kind];
  if (set.has(name)) return null;
  return `no ${what} named "${name}" (known: ${listed([...set]) || 'none'})${hint(name, set)}`;
}

const hint = (name: string, among: Iterable<string>): string => {
  const guess = closest(name, [...among]);
  return guess ? `; did you mean "${guess}"?` : '';
};

/** Every semantic mistake of a parsed scenario, each on its line. */
export function checkScenario(loaded: Located<Scenario>, file: string): SourceIssue[] {
  const { value: scenario, lineOf } = loaded;
  const issues: SourceIssue[] = [];
  const report = (path: Path, message: string) =>
    issues.push({ file, line: lineOf(path), column: 1, path: path.join('.'), message });

  for (const [i, tag] of scenario.tags.entries()) {
    if (!/^R-/i.test(tag)) continue;
    const why = unknownRule(tag);
    if (why) report(['tags', i], why);
  }
  let world: World | undefined;
  try {
    world = loadWorld(scenario.world, scenario.override);
  } catch (error) {
    if (error instanceof OverrideError) report(['override', ...error.path], error.message);
    else report(scenario.override ? ['override'] : ['world'], (error as Error).message);
  }
  const known = knownFrom(world);
  for (const [index, step] of scenario.steps.entries()) {
    const at: Path = ['steps', index];
    for (const id of (step.rule ?? '').split(/[ ,]+/).filter(Boolean)) {
      const why = unknownRule(id);
      if (why) report([...at, 'rule'], why);
    }
    // Actions name their conversation as `conversation:` inside the action (accept, send, …).
    for (const [key, value] of Object.entries(step as Record<string, unknown>)) {
      const ref = (value as { conversation?: unknown } | null)?.conversation;
      if (key === 'expect' || !world || typeof ref !== 'string') continue;
      const why = unknownName('conversation', ref, known);
      if (why) report([...at, key, 'conversation'], why);
    }
    if (step.expect) {
      const where: Path = [...at, 'expect'];
      for (const { key, message } of vacuityOf(step.expect)) report([...where, ...key], message);
      if (world) {
        for (const { key, kind, name } of namesIn(step.expect)) {
          const why = unknownName(kind, name, known);
          if (why) report([...where, ...key], why);
        }
      }
    }
    learn(step, known);
  }
  return issues;
}
