// Generates one vitest test per scenario file under scenarios/conformance, titled with its area and
// rule ids. Split into parts so vitest runs them on several workers (one per test file).
import { resolve } from 'node:path';
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

/** Registers the scenarios whose index modulo `of` is `part - 1`. */
export function defineConformanceSuite(part: number, of: number): void {
  const files = findScenarioFiles([CONFORMANCE_ROOT]).filter((_, i) => i % of === part - 1);
  describe.concurrent('conformance', () => {
    for (const file of files) {
      const area = file.slice(CONFORMANCE_ROOT.length + 1).split('/')[0] ?? 'scenarios';
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
      const tags = [
        ...new Set([...rulesOf(scenario), ...scenario.tags.filter((t) => !/^R-/.test(t))]),
      ];
      const title = `${area}: ${scenario.name} [${tags.join(' ')}]`;
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
