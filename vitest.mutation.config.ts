// The tests Stryker runs against each mutant: the unit tests of channel/domain and of the fake's
// authentication and send validation, plus the HTTP tests that drive those two through TeleSign's SDK.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'channel/domain/**/*.test.ts',
      'simulator/backend/authenticate.test.ts',
      'simulator/backend/send-request.test.ts',
      'lib/telesign-signing.test.ts',
      'test/simulator/auth-failures.test.ts',
      'test/simulator/send-validation.test.ts',
    ],
    testTimeout: 20_000,
  },
});
