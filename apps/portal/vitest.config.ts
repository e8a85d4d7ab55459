import { defineConfig } from 'vitest/config';

// Its own config, so Vitest does not load vite.config.ts (the Remix plugin) for the portal's unit tests.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
