import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))

// Use-cases and repositories get `db` as a transaction more often than not: one connection, one query at a time.
// node-postgres warns about concurrent queries on a client, and its next major version refuses them.
test('use-cases and repositories never run queries at once (no Promise.all / allSettled / race over one db)', () => {
  const offenders = [...files('src/usecases'), ...files('db/repositories')].filter((f) => /Promise\.(all|allSettled|race|any)\s*\(/.test(readFileSync(f, 'utf8')))
  expect(offenders).toEqual([])
})
