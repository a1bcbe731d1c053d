// Generates one vitest test per scenario file under scenarios/conformance/<area>, titled with its area
// and rule ids. One test file per area, so vitest spreads areas over workers and `--shard` over machines.
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import { findScenarioFiles } from '../../scenarios/engine/load-scenario';
import { describeFailure } from '../../scenarios/engine/results';
import { runScenario } from '../../scenarios/engine/run-scenario';
import { suiteEntry } from '../../scenarios/engine/suite-entry';

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

/** Registers one test per file (see scenarios/engine/suite-entry.ts for titles and load errors). */
export function defineScenarioTests(
  area: string,
  files: string[],
  root: string = CONFORMANCE_ROOT,
): void {
  if (files.length === 0) return;
  describe.concurrent('conformance', () => {
    for (const file of files) {
      const entry = suiteEntry(file, root, area);
      if ('error' in entry) {
        it(entry.title, () => {
          throw entry.error;
        });
        continue;
      }
      const run = async () => {
        const result = await runScenario(entry.loaded);
        if (!result.passed) throw new Error(describeFailure(result));
      };
      if (entry.knownFailure) it.fails(entry.title, run);
      else it(entry.title, run);
    }
  });
}
