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
          exclude: ['test/rules/**'],
          globalSetup: ['test/support/global-setup.ts'],
          // Each test file opens its own migrated database copy; the first embedded start can take seconds.
          hookTimeout: 60_000,
          testTimeout: 30_000,
        },
      },
    ],
  },
})
