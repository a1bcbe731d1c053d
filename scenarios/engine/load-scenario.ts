// Reads scenario files (YAML or JSON) and finds them in folders.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Located, loadDataFile } from '../load-yaml';
import { type Scenario, scenarioSchema } from '../scenario-schema';

export interface LoadedScenario extends Located<Scenario> {
  file: string;
}

export function loadScenario(file: string): LoadedScenario {
  const shown = relative(process.cwd(), file) || file;
  return { ...loadDataFile(file, scenarioSchema), file: shown };
}

/** Every .yaml/.yml/.json file under the given files or folders, sorted. */
export function findScenarioFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) walk(join(path, entry));
    } else if (/\.(ya?ml|json)$/.test(path)) out.push(path);
  };
  for (const path of paths) walk(path);
  return out;
}

/** The rule ids a scenario names in its tags and steps (R-XX-n). */
export function rulesOf(scenario: Scenario): string[] {
  const rules = new Set<string>();
  for (const tag of scenario.tags) if (/^R-[A-Z]+-\d+$/.test(tag)) rules.add(tag);
  for (const step of scenario.steps)
    if (step.rule) for (const r of step.rule.split(/[ ,]+/)) if (r) rules.add(r);
  return [...rules];
}
