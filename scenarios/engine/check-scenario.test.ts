import { describe, expect, it } from 'vitest';
import { parseScenario } from './load-scenario';

/** The load error of a scenario text, or a failure if it loads. */
const loadError = (text: string): string => {
  try {
    parseScenario(text, 'mistake.yaml');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the scenario loaded, but it should not have');
};

const OPENING = `name: a mistake
tags: [R-CV-2]
steps:
  - text: { from: bruno, to: support, text: "hi", as: c1 }
`;

describe('a scenario that cannot pass by accident', () => {
  it('refuses an expectation about an alias no step set, naming the line and the aliases set so far', () => {
    const message = loadError(`${OPENING}  - expect: { conversation: c9, state: open }\n`);
    expect(message).toContain('mistake.yaml:5:1 steps.1.expect.conversation');
    expect(message).toContain('no conversation "c9"');
    expect(message).toContain('set so far: c1');
  });

  it('refuses an expectation that names a conversation and checks nothing of it', () => {
    const message = loadError(`${OPENING}  - expect: { conversation: c1 }\n`);
    expect(message).toMatch(
      /mistake\.yaml:5:1 steps\.1\.expect: this expectation checks nothing: conversation: c1 only says which conversation; add one of state/,
    );
  });

  it('refuses an empty expectation', () => {
    expect(loadError(`${OPENING}  - expect: {}\n`)).toMatch(
      /mistake\.yaml:5:1 steps\.1\.expect: this expectation checks nothing: add what must hold/,
    );
  });

  it('refuses an expectation that only waits', () => {
    expect(loadError(`${OPENING}  - expect: { within: 5s }\n`)).toContain(
      'checks nothing: within only says how long to keep trying',
    );
  });

  it('refuses a handset without an inbox to check', () => {
    expect(loadError(`${OPENING}  - expect: { handset: bruno }\n`)).toContain(
      'checks nothing: handset: bruno only says whose phone to look at; add inbox:',
    );
  });

  it('refuses a conversation field with no conversation fields beside it', () => {
    expect(loadError(`${OPENING}  - expect: { conversation: c1, error: none }\n`)).toContain(
      'conversation: c1 is checked by nothing here',
    );
  });

  it('refuses names of agents, queues and work streams the world does not have, with a guess', () => {
    const message = loadError(
      `${OPENING}  - expect: { conversation: c1, agent: anne, queue: vipp }\n  - expect: { agentState: { agent: bne, presence: busy } }\n`,
    );
    expect(message).toContain('steps.1.expect.agent: no agent named "anne"');
    expect(message).toContain('did you mean "ann"?');
    expect(message).toContain('steps.1.expect.queue: no queue named "vipp"');
    expect(message).toContain(
      'mistake.yaml:6:1 steps.2.expect.agentState.agent: no agent named "bne"',
    );
  });

  it('accepts names created by earlier steps and customers by name or phone', () => {
    expect(() =>
      parseScenario(`${OPENING}  - create-agent: { name: zoe }
  - expect: { agentState: { agent: zoe, presence: offline } }
  - expect: { conversation: bruno, state: open }
  - expect: { conversations: { customer: "12025550104", count: 0 } }
`),
    ).not.toThrow();
  });

  it('refuses a rule id the rulebook does not define, listing the rules of its area', () => {
    const message = loadError(OPENING.replace('R-CV-2', 'R-CV-9'));
    expect(message).toContain(
      'mistake.yaml:2:1 tags.0: "R-CV-9" is not a rule of docs/reference/channel-rules.md',
    );
    expect(message).toContain('its area has R-CV-1, R-CV-2');
  });

  it('refuses an unknown rule id on a step', () => {
    expect(
      loadError(`${OPENING}  - expect: { conversation: c1, state: open }\n    rule: R-XX-1\n`),
    ).toMatch(/mistake\.yaml:6:1 steps\.1\.rule: "R-XX-1" is not a rule .*areas: R-WS, R-NUM/);
  });

  it('refuses an override that names an agent the world does not have, listing the known ones', () => {
    const message = loadError(
      OPENING.replace('steps:', 'override:\n  agents: [{ name: cta, presence: offline }]\nsteps:'),
    );
    expect(message).toMatch(
      /mistake\.yaml:4:1 override\.agents\.0: no agent "cta" in the world to change \(known: ann, ben, cat.*\); to add a new one, write add: true/,
    );
  });

  it('adds an item when the override says add: true, and refuses add: for an existing one', () => {
    expect(() =>
      parseScenario(
        OPENING.replace('steps:', 'override:\n  agents: [{ name: zoe, add: true }]\nsteps:'),
      ),
    ).not.toThrow();
    expect(
      loadError(
        OPENING.replace('steps:', 'override:\n  agents: [{ name: ann, add: true }]\nsteps:'),
      ),
    ).toContain('agent "ann" is already in the world: drop add: true');
  });

  it('says that in/out are shorthands that take no other field', () => {
    const message = loadError(
      `${OPENING}  - expect: { conversation: c1, transcript: [{ out: "hi", delivery: 203 }] }\n`,
    );
    expect(message).toContain('steps.1.expect.transcript.0');
    expect(message).toContain(
      '{ out: … } is a shorthand that takes no other field (found "delivery")',
    );
    expect(message).toContain('{ direction?, text?, truncated?');
  });

  it('lists the allowed fields of an unknown one, with a guess', () => {
    const message = loadError(`${OPENING}  - expect: { conversation: c1, stat: open }\n`);
    expect(message).toContain(
      'unknown field "stat" ("stat" → did you mean "state"?); allowed here: within, conversation, state',
    );
  });

  it('lists the allowed values of an enum', () => {
    expect(loadError(`${OPENING}  - expect: { conversation: c1, state: opn }\n`)).toContain(
      'expected one of: "open", "active", "waiting", "wrap-up", "closed"; found text "opn"',
    );
  });
});
