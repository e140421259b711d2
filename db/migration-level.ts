import { sql } from 'drizzle-orm'
import journal from './migrations/meta/_journal.json' with { type: 'json' }
import { type Db, rowsOf } from './database'

export interface MigrationLevel {
  applied: number
  expected: number
  latest: string | null
  upToDate: boolean
}

/**
 * How many of the committed migrations this database has applied, and the newest committed one. The journal is
 * imported, not read from disk, so a Worker bundle carries it.
 */
export async function migrationLevel(db: Db): Promise<MigrationLevel> {
  const rows = await db.execute(sql`select count(*)::int as applied from drizzle.__drizzle_migrations`)
  const applied = Number(rowsOf<{ applied: number }>(rows)[0]?.applied ?? 0)
  const expected = journal.entries.length
  return { applied, expected, latest: journal.entries.at(-1)?.tag ?? null, upToDate: applied === expected }
}
