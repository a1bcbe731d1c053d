// Replays recorded conversations against a fresh world and describes, by step, where today's
// behaviour departs from the recording. Ids are never compared: recordings name things.

import type { Transport } from './harness';
import { loadScenario } from './load-scenario';
import { allDifferences } from './match';
import type { ScenarioResult } from './results';
import { runScenario } from './run-scenario';

export interface ReplayOutcome {
  file: string;
  name: string;
  same: boolean;
  /** Readable lines: one per difference, grouped by step. */
  diff: string[];
  ms: number;
}

const show = (value: unknown): string => {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
  if (text === undefined) return 'nothing';
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
};

/** The differences of a replay, by step: expected vs found. */
export function describeDifferences(result: ScenarioResult): string[] {
  const lines: string[] = [];
  for (const step of result.steps.filter((s) => s.status === 'failed')) {
    lines.push(
      `step ${step.index + 1} (line ${step.line}) ${step.label}${step.rule ? ` [${step.rule}]` : ''}`,
    );
    if (step.message) lines.push(`    ${step.message}`);
    for (const check of step.checks) {
      for (const d of allDifferences(check.expected, check.found)) {
        lines.push(
          `    ${check.what}${d.path ? ` ${d.path}` : ''}: expected ${show(d.expected)}, found ${show(d.found)}`,
        );
      }
      if (check.diff && allDifferences(check.expected, check.found).length === 0) {
        lines.push(
          `    ${check.what} ${check.diff.path}: expected ${show(check.diff.expected)}, found ${show(check.diff.found)}`,
        );
      }
    }
  }
  return lines;
}

export async function replayFile(file: string, transport?: Transport): Promise<ReplayOutcome> {
  const started = performance.now();
  let loaded: ReturnType<typeof loadScenario>;
  try {
    loaded = loadScenario(file);
  } catch (error) {
    return { file, name: file, same: false, diff: [String((error as Error).message)], ms: 0 };
  }
  const result = await runScenario(loaded, { keepGoing: true, ...(transport && { transport }) });
  return {
    file: loaded.file,
    name: result.name,
    same: result.passed,
    diff: result.passed ? [] : describeDifferences(result),
    ms: Math.round(performance.now() - started),
  };
}
