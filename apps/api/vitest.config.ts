import { defineConfig } from 'vitest/config';
import { oneGraphqlRealm } from '../../vitest.shared';

export default defineConfig({
  resolve: { alias: oneGraphqlRealm },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The API's in-process request lines would bury the test output: errors only.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' },
  },
});
