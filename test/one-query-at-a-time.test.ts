import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))

// Use-cases and repositories get `db` as a transaction more often than not: one connection. Queries at once on it
// are pipelined by node-postgres (db/postgres.ts turns it on) and queued by PGlite, but a use-case that runs them at
// once must wait for every one before its transaction ends, or a late one runs after the rollback, outside it.
// So only where that was worth it, and written for it: handleMessagesTogether's senders (allSettled, then commit).
const DELIBERATELY_AT_ONCE = ['src/usecases/handle-message.ts']

test('use-cases and repositories run queries at once only where written for it (Promise.all / allSettled / race over one db)', () => {
  const offenders = [...files('src/usecases'), ...files('db/repositories')].filter((f) => /Promise\.(all|allSettled|race|any)\s*\(/.test(readFileSync(f, 'utf8')))
  expect(offenders).toEqual(DELIBERATELY_AT_ONCE)
})
