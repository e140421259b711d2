import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        // The pure policy core: no database, no clock.
        test: { name: 'rules', include: ['test/rules/**/*.test.ts'] },
      },
      {
        test: {
          name: 'app',
          include: ['test/**/*.test.ts'],
          // test/worker runs the Worker in wrangler's runtime: `npm run test:worker` (CI does).
          exclude: ['test/rules/**', 'test/worker/**'],
          globalSetup: ['test/support/global-setup.ts'],
          // Each test file opens its own migrated database copy; the first embedded start can take seconds.
          hookTimeout: 60_000,
          testTimeout: 30_000,
        },
      },
    ],
  },
})
