// Generates one vitest test per scenario file under scenarios/conformance/<area>, titled with its area
// and rule ids. One test file per area, so vitest spreads areas over workers and `--shard` over machines.
import { existsSync, readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, it } from 'vitest';
import {
  findScenarioFiles,
  type LoadedScenario,
  loadScenario,
  rulesOf,
} from '../../scenarios/engine/load-scenario';
import { describeFailure } from '../../scenarios/engine/results';
import { runScenario } from '../../scenarios/engine/run-scenario';

export const CONFORMANCE_ROOT = resolve(import.meta.dirname, '../../scenarios/conformance');

/** The areas: the folders under scenarios/conformance. */
export function conformanceAreas(): string[] {
  return readdirSync(CONFORMANCE_ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Areas that have their own test file here (`<area>.test.ts`); conformance.test.ts takes the rest. */
export function areasWithOwnFile(): string[] {
  return conformanceAreas().filter((area) =>
    existsSync(resolve(import.meta.dirname, `${area}.test.ts`)),
  );
}

/** Registers one test per scenario file of `area` (scenarios/conformance/<area>/**). */
export function defineConformanceSuite(area: string): void {
  defineScenarioTests(area, findScenarioFiles([resolve(CONFORMANCE_ROOT, area)]));
}

/** Registers one test per file, titled `<area>: <name> [<rule ids and tags>]`. */
export function defineScenarioTests(area: string, files: string[]): void {
  if (files.length === 0) return;
  describe.concurrent('conformance', () => {
    for (const file of files) {
      let loaded: LoadedScenario;
      try {
        loaded = loadScenario(file);
      } catch (error) {
        it(`${area}: ${file} is a valid scenario`, () => {
          throw error;
        });
        continue;
      }
      const scenario = loaded.value;
      const folder = relative(CONFORMANCE_ROOT, file).split('/');
      const label = folder.length > 1 ? (folder[0] ?? area) : area;
      const tags = [
        ...new Set([...rulesOf(scenario), ...scenario.tags.filter((t) => !/^R-/.test(t))]),
      ];
      const title = `${label}: ${scenario.name} [${tags.join(' ')}]`;
      const known = scenario['known-failure'];
      const run = async () => {
        const result = await runScenario(loaded);
        if (!result.passed) throw new Error(describeFailure(result));
      };
      if (known) it.fails(`${title} (known failure: ${known})`, run);
      else it(title, run);
    }
  });
}
