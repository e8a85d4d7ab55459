import { defineConfig } from 'vitest/config';
import { oneGraphqlRealm } from '../vitest.shared';

export default defineConfig({
  resolve: { alias: oneGraphqlRealm },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['../apps/api/test/support/global-setup.ts', './support/build-portal.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // The API's in-process request lines would bury the test output: errors only.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' },
    // Browser pages hydrate later on a loaded machine.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
