// The checks `npm test` runs (type checks, lint, every vitest project), as data: one list drives
// `npm test`, `npm run typecheck` and `npm run bench -- tests`.

export interface Check {
  /** Short name shown in the summary. */
  name: string;
  /** Which group runs it: `npm run typecheck` runs the `typecheck` group alone. */
  group: 'typecheck' | 'lint' | 'vitest';
  /** A node script under node_modules and its arguments (no shell, no npx lookup). */
  script: string;
  args: string[];
  /** Output shown as it comes (vitest's reporter); the others are shown once they finish. */
  live?: boolean;
}

// tsc keeps its build information under node_modules/.cache, so a second run re-checks only what
// changed (a clean clone, as on CI, checks everything).
const tsc = (name: string, project: string): Check => ({
  name,
  group: 'typecheck',
  script: 'typescript/bin/tsc',
  args: [
    '--noEmit',
    '-p',
    project,
    '--incremental',
    '--tsBuildInfoFile',
    `node_modules/.cache/tsc/${name}.tsbuildinfo`,
  ],
});

export const CHECKS: readonly Check[] = [
  tsc('types', 'tsconfig.json'),
  // channel/domain alone with "types": []: the domain stays pure (no node types).
  tsc('types-domain', 'channel/domain/tsconfig.json'),
  // The console's browser script, checked as JavaScript against the DOM library.
  tsc('types-console', 'console/assets/tsconfig.json'),
  { name: 'lint', group: 'lint', script: '@biomejs/biome/bin/biome', args: ['check', '.'] },
  { name: 'vitest', group: 'vitest', script: 'vitest/vitest.mjs', args: ['run'], live: true },
];
