import { defineConfig } from 'vitest/config'

/** The Worker, run by wrangler's local runtime (workerd) against PostgreSQL: `npm run test:worker`. */
export default defineConfig({
  test: {
    include: ['test/worker/**/*.test.ts'],
    pool: 'forks',
    hookTimeout: 120_000,
    testTimeout: 120_000,
  },
})
