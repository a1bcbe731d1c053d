import { defineConfig } from 'vitest/config';

// Two projects: `unit` (every test beside its source and under test/, except conformance) and
// `conformance` (one generated test per scenario file). `npm test` runs both;
// `npm run conformance` runs only the second (vitest run --project conformance).
const exclude = ['node_modules/**', 'test/artifacts/**'];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts', '**/*.test.tsx'],
          exclude: [...exclude, 'test/conformance/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'conformance',
          include: ['test/conformance/*.test.ts'],
          exclude,
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
