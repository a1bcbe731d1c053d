// Runs one scenario in its own world, step by step, and reports per step what was expected and found.

import { formatDuration } from '../duration';
import type { Step } from '../scenario-schema';
import { allPages, INBOUND_SMS } from '../world/all-pages';
import { applyWorld } from '../world/apply-world';
import { loadWorld } from '../world/load-world';
import { listAll, type RunContext, StepFailure } from './context';
import {
  type Harness,
  type HarnessOptions,
  startHarness,
  type Transport,
  type UnexpectedError,
} from './harness';
import type { LoadedScenario } from './load-scenario';
import { rulesOf } from './load-scenario';
import type { ScenarioResult, StepResult } from './results';
import { runAdminStep } from './steps/admin-steps';
import { runAgentStep } from './steps/agent-steps';
import { runCustomerStep } from './steps/customer-steps';
import { type Expectation, evaluate } from './steps/expect-steps';
import { runTelesignStep } from './steps/telesign-steps';
import { runTimeStep } from './steps/time-steps';

export interface RunOptions {
  transport?: Transport;
  /** Tests: reach into the servers before the world is built (e.g. to plant a failing task). */
  onHarness?: (harness: Harness) => void;
  /** Replay: carry on after a failed step, to show every difference (default: stop at the first). */
  keepGoing?: boolean;
}

const FAMILIES = [
  runCustomerStep,
  runAgentStep,
  runAdminStep,
  runTelesignStep,
  runTimeStep,
] as const;

/** Does `step` check the outcome of the action before it (so an error there is expected)? */
const checksError = (step: Step | undefined): boolean =>
  step?.expect !== undefined &&
  (step.expect.error !== undefined ||
    step.expect.status !== undefined ||
    step.expect.result !== undefined);

const POLL_MS = 1000;

async function expectStep(e: Expectation, ctx: RunContext): Promise<StepResult['checks']> {
  const deadline = ctx.clock.now() + (e.within ?? 0);
  for (;;) {
    const checks = await evaluate(e, ctx);
    if (checks.every((c) => !c.diff) || ctx.clock.now() >= deadline) return checks;
    await ctx.clock.advance(Math.min(POLL_MS, deadline - ctx.clock.now()));
    await ctx.settle();
  }
}

export async function runScenario(
  loaded: LoadedScenario,
  options: RunOptions = {},
): Promise<ScenarioResult> {
  const { value: scenario, file } = loaded;
  const started = performance.now();
  const override = scenario.override ?? {};
  const harnessOptions: HarnessOptions = {
    seed: `${scenario.name}`,
    ...(options.transport && { transport: options.transport }),
    ...(scenario.clock && { start: Date.parse(scenario.clock) }),
    ...(scenario.timing?.dispatchInterval !== undefined && {
      dispatchIntervalMs: scenario.timing.dispatchInterval,
    }),
    ...(scenario.timing?.sweepInterval !== undefined && {
      sweepIntervalMs: scenario.timing.sweepInterval,
    }),
  };
  const harness = await startHarness(harnessOptions);
  options.onHarness?.(harness);
  const steps: StepResult[] = scenario.steps.map((step, index) => ({
    index,
    line: loaded.lineOf(['steps', index]),
    label: labelOf(step),
    rule: step.rule,
    status: 'skipped',
    checks: [],
  }));
  try {
    const world = loadWorld(
      scenario.world,
      Object.keys(override).length > 0 ? override : undefined,
    );
    const ids = await applyWorld(world, harness);
    await harness.settleWorld();
    const early = harness.takeUnexpected();
    if (early.length > 0) throw new Error(describeUnexpected(early, 'while the world was built'));
    const ctx: RunContext = {
      channel: harness.channel,
      telesign: harness.telesign,
      clock: harness.clock,
      ids,
      aliases: new Map(),
      lastConversationId: undefined,
      lastAction: undefined,
      inboundEventsBefore: (await allPages(harness.channel, INBOUND_SMS)).length,
      startedAt: harness.clock.now(),
      journalSeqBefore: Math.max(
        0,
        ...(await listAll(harness.telesign, '/_sim/journal')).map(
          (entry) => Number(entry.seq) || 0,
        ),
      ),
      settle: harness.settle,
    };
    for (const [index, step] of scenario.steps.entries()) {
      const result = steps[index] as StepResult;
      try {
        if (step.at) await harness.clock.advanceTo(Date.parse(step.at));
        if (step.expect) {
          result.checks = await expectStep(step.expect, ctx);
          result.status = result.checks.every((c) => !c.diff) ? 'passed' : 'failed';
        } else {
          ctx.lastAction = undefined;
          let label: string | null = null;
          for (const family of FAMILIES) {
            label = await family(step as never, ctx);
            if (label) break;
          }
          if (label) result.label = label;
          const response = lastResponse(ctx);
          if (response && response.status >= 400 && !checksError(scenario.steps[index + 1])) {
            result.status = 'failed';
            result.message = `unexpected error ${response.status}: ${JSON.stringify(response.body).slice(0, 300)} (add an expect step with error: … if this is intended)`;
          } else result.status = 'passed';
        }
      } catch (error) {
        result.status = 'failed';
        result.message =
          error instanceof StepFailure || error instanceof Error ? error.message : String(error);
        if (error instanceof StepFailure && error.expected !== undefined) {
          result.checks = [
            {
              what: 'step',
              expected: error.expected,
              found: error.found,
              diff: { path: '', expected: error.expected, found: error.found },
            },
          ];
        }
      }
      const unexpected = harness.takeUnexpected();
      if (unexpected.length > 0) {
        result.status = 'failed';
        result.message = [result.message, describeUnexpected(unexpected, 'during this step')]
          .filter(Boolean)
          .join('\n  ');
      }
      if (result.status === 'failed' && !options.keepGoing) break;
    }
  } catch (error) {
    const first = steps[0] as StepResult;
    first.status = 'failed';
    first.label = 'world setup';
    first.line = loaded.lineOf(['world']);
    first.message = error instanceof Error ? error.message : String(error);
  } finally {
    await harness.close();
  }
  return {
    file,
    name: scenario.name,
    rules: rulesOf(scenario),
    passed: steps.every((s) => s.status === 'passed'),
    steps,
    ms: Math.round(performance.now() - started),
  };
}

/** A short description of a step for reports. */
export function labelOf(step: Step): string {
  const when = step.at ? ` at ${step.at.slice(11, 19)}` : '';
  return `${describeAction(step)}${when}`;
}

function describeAction(step: Step): string {
  const key = Object.keys(step).find((k) => !['rule', 'note', 'at'].includes(k)) ?? 'step';
  const value = (step as Record<string, unknown>)[key];
  if (key === 'expect') {
    const e = value as Record<string, unknown>;
    return `expect ${Object.keys(e)
      .filter((k) => k !== 'within')
      .join(', ')}${typeof e.within === 'number' ? ` within ${formatDuration(e.within)}` : ''}`;
  }
  const brief = JSON.stringify(value);
  return `${key} ${brief && brief.length > 80 ? `${brief.slice(0, 77)}…` : (brief ?? '')}`;
}

/** Unexpected errors in words: where, when (virtual time) and the error with the top of its stack. */
export function describeUnexpected(errors: UnexpectedError[], when: string): string {
  return errors
    .map(({ where, error, at }) => {
      const text =
        error instanceof Error
          ? (error.stack ?? `${error.name}: ${error.message}`)
              .split('\n')
              .slice(0, 4)
              .join('\n    ')
          : String(error);
      return `unexpected error in ${where} ${when} (at ${new Date(at).toISOString()}): ${text}`;
    })
    .join('\n  ');
}

// A function, so TypeScript does not keep the `undefined` it saw before the step ran.
const lastResponse = (ctx: RunContext) => ctx.lastAction?.response;
