import { describe, expect, it } from 'vitest';
import { DataFileError } from '../load-yaml';
import { type LoadedScenario, parseScenario } from './load-scenario';
import { describeFailure } from './results';
import { runScenario } from './run-scenario';

const scenario = (text: string, file = 'inline.yaml'): LoadedScenario => parseScenario(text, file);

const WRONG = `
name: a deliberately wrong expectation
tags: [R-RT-4]
steps:
  - text: { from: bruno, to: support, text: "hello", as: c1 }
  - expect: { conversation: c1, queue: vip }
    rule: R-RT-4
`;

describe('the scenario runner', () => {
  it('passes a scenario whose expectations hold', async () => {
    const result = await runScenario(
      scenario(WRONG.replace('queue: vip', 'queue: default').replace('wrong', 'right')),
    );
    expect(result.passed).toBe(true);
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
  });

  it('fails a wrong expectation and names the file, line, step, rule, expected and found', async () => {
    const result = await runScenario(scenario(WRONG, 'wrong.yaml'));
    expect(result.passed).toBe(false);
    const report = describeFailure(result);
    expect(report).toContain('wrong.yaml:6 step 2');
    expect(report).toContain('[R-RT-4]');
    expect(report).toContain('expected "vip", found "default"');
  });

  it('fails an action that errors when no step expects the error', async () => {
    const result = await runScenario(
      scenario(`
name: an unexpected refusal
steps:
  - delete-queue: { queue: default }
    rule: R-RT-4
  - advance: 1s
`),
    );
    expect(result.passed).toBe(false);
    expect(describeFailure(result)).toMatch(/step 1 .*\[R-RT-4\][\s\S]*DEFAULT_QUEUE_UNDELETABLE/);
  });

  it('runs the same scenario over real loopback sockets', async () => {
    const result = await runScenario(scenario(WRONG.replace('queue: vip', 'queue: default')), {
      transport: 'sockets',
    });
    expect(describeFailure(result)).toBe('inline.yaml: passed');
  });
});

describe('the scenario format', () => {
  it('names the file, line and field of a mistake', () => {
    const text =
      'name: typo\nsteps:\n  - text: { from: bruno, to: support, text: hi }\n  - acept: { agent: ann }\n';
    try {
      scenario(text, 'typo.yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataFileError);
      expect(String((error as Error).message)).toMatch(/typo\.yaml:4:1 steps\.1.*acept/);
    }
  });

  it('refuses a step that does two things', () => {
    const text = 'name: two\nsteps:\n  - { advance: 1s, sweep: true }\n';
    expect(() => scenario(text)).toThrow(
      /inline\.yaml:3.*a step does one thing; this one has advance and sweep/,
    );
  });

  it('reads a duration it cannot understand as a mistake on its line', () => {
    const text = 'name: time\nsteps:\n  - sweep: true\n  - advance: 8 hours\n';
    expect(() => scenario(text)).toThrow(/inline\.yaml:4.*"8 hours" is not a duration/);
  });
});
