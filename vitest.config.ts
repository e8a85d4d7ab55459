import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'e2e'],
    // Most of a test's time is spent waiting on PostgreSQL or Chromium, not on this process: two
    // files at a time use a 2-core machine (Vitest's default there is one).
    maxWorkers: Number(process.env.TEST_WORKERS ?? 2),
  },
});
