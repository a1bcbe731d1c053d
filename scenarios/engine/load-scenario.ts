// Reads scenario files (YAML or JSON) and finds them in folders.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DataFileError, type Located, loadDataFile, parseDataText } from '../load-yaml';
import { type Scenario, scenarioSchema } from '../scenario-schema';
import { checkScenario } from './check-scenario';

export interface LoadedScenario extends Located<Scenario> {
  file: string;
}

/** Reads and checks a scenario file; every mistake is a DataFileError naming its file and line. */
export function loadScenario(file: string): LoadedScenario {
  const near = relative(process.cwd(), file);
  const shown = near && !near.startsWith('..') ? near : file;
  return checked({ ...loadDataFile(file, scenarioSchema), file: shown });
}

/** A scenario from text (tests, tools), checked like a file. */
export function parseScenario(text: string, file = 'inline.yaml'): LoadedScenario {
  return checked({ ...parseDataText(text, file, scenarioSchema), file });
}

function checked(loaded: LoadedScenario): LoadedScenario {
  const issues = checkScenario(loaded, loaded.file);
  if (issues.length > 0) throw new DataFileError(issues);
  return loaded;
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
