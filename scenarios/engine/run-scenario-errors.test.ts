import { describe, expect, it } from 'vitest';
import { parseScenario } from './load-scenario';
import { describeFailure } from './results';
import { runScenario } from './run-scenario';

const SCENARIO = parseScenario(`
name: an error nobody asked for
tags: [R-CV-2]
steps:
  - advance: 1s
  - text: { from: bruno, to: support, text: "hi", as: c1 }
  - advance: 5s
  - expect: { conversation: c1, state: open }
`);

describe('errors thrown where no step can see them', () => {
  it('fails the step during which a clock task threw, with the error and where it was thrown', async () => {
    const result = await runScenario(SCENARIO, {
      onHarness: (harness) => {
        harness.clock.schedule(
          harness.clock.now() + 5000 + 3000,
          () => {
            throw new Error('boom in an offer timer');
          },
          'offer timeout',
        );
      },
    });
    expect(result.passed).toBe(false);
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'failed', 'skipped']);
    const report = describeFailure(result);
    expect(report).toContain('inline.yaml:7 step 3 (advance');
    expect(report).toContain('unexpected error in scheduled task "offer timeout" during this step');
    expect(report).toContain('Error: boom in an offer timer');
  });

  it('fails the step whose event a channel listener choked on', async () => {
    const result = await runScenario(SCENARIO, {
      onHarness: (harness) => {
        harness.subscribe(() => {
          throw new Error('listener bug');
        });
      },
    });
    // The world's own set-up raises events too: the error is reported there, before any step.
    expect(result.passed).toBe(false);
    expect(describeFailure(result)).toMatch(
      /world setup[\s\S]*unexpected error in a channel task[\s\S]*listener bug/,
    );
  });

  it('passes the same scenario when nothing throws', async () => {
    expect(describeFailure(await runScenario(SCENARIO))).toBe('inline.yaml: passed');
  });
});
