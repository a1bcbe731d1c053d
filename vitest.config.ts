import { defineConfig } from 'vitest/config';

// Three projects: `browser` (the console in Chromium), `unit` (every other test beside its source
// and under test/) and `conformance` (one generated test per scenario file). `npm test` runs all
// three; `npm run conformance` runs only the last (vitest run --project conformance).
//
// Speed on a 2-core machine: two workers, and no re-import of every module per file (`isolate:
// false`): no test mocks a module or changes shared module state (the few `vi.spyOn(console)` are
// restored in the same file, and files in one worker run one after another). Vitest orders files
// by project name first, so `browser`, the longest file (mostly waiting on Chromium), starts first
// and runs beside the others instead of after them.
const exclude = ['node_modules/**', 'test/artifacts/**'];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    maxWorkers: 2,
    // expect.poll waits for a state another process (Chromium, a server) reaches; its default of
    // 1 s failed CI on a loaded machine while the same test passed alone. A poll that succeeds
    // returns at once, so a longer bound costs only a failing test's time.
    expect: { poll: { timeout: 10_000 } },
    // Transformed modules are kept in node_modules/.experimental-vitest-cache, keyed by each file's
    // content, the config and vitest's version (a changed lockfile clears it): a second run, and the
    // vitest runs some tests spawn (bin/conformance.test.ts), skip the transforms (~1 s of CPU).
    experimental: { fsModuleCache: true },
    projects: [
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          exclude,
        },
      },
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts', '**/*.test.tsx'],
          exclude: [...exclude, 'test/conformance/**', 'test/browser/**'],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'conformance',
          include: ['test/conformance/*.test.ts'],
          // external.test.ts runs the files `npm run conformance -- <paths>` names (bin/conformance.ts).
          exclude: process.env.SCENARIO_PATHS
            ? exclude
            : [...exclude, 'test/conformance/external.test.ts'],
          // Each scenario has its own servers and clock, so many can run at once.
          maxConcurrency: 16,
          // Scenarios share no module state, so one worker may reuse the servers' modules across area
          // files instead of importing them again for each file.
          isolate: false,
          // Over real sockets (SCENARIO_TRANSPORT=sockets) on a busy machine a scenario can take seconds.
          testTimeout: 60_000,
        },
      },
    ],
  },
});
