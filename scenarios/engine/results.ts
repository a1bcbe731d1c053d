// The results model: per step what was expected and found, and the one-paragraph failure report.
import type { Check } from './steps/expect-steps';

export interface StepResult {
  index: number;
  line: number;
  label: string;
  rule: string | undefined;
  status: 'passed' | 'failed' | 'skipped';
  checks: Check[];
  message?: string;
}

export interface ScenarioResult {
  file: string;
  name: string;
  rules: string[];
  passed: boolean;
  steps: StepResult[];
  ms: number;
}

const show = (value: unknown): string => {
  if (process.env.SCENARIO_DEBUG) return JSON.stringify(value);
  const text = JSON.stringify(value);
  if (text === undefined) return 'nothing';
  return text.length > 300 ? `${text.slice(0, 297)}…` : text;
};

/** The failing step, in words: file:line, step index and label, rule, expected vs found. */
export function describeFailure(result: ScenarioResult): string {
  const step = result.steps.find((s) => s.status === 'failed');
  if (!step) return `${result.file}: passed`;
  const lines = [
    `${result.file}:${step.line} step ${step.index + 1} (${step.label})${step.rule ? ` [${step.rule}]` : ''} failed`,
  ];
  if (step.message) lines.push(`  ${step.message}`);
  for (const c of step.checks.filter((x) => x.diff)) {
    lines.push(
      `  ${c.what}: at ${c.diff?.path || '(whole)'} expected ${show(c.diff?.expected)}, found ${show(c.diff?.found)}`,
    );
    lines.push(`    expected: ${show(c.expected)}`);
    lines.push(`    found:    ${show(c.found)}`);
  }
  return lines.join('\n');
}
