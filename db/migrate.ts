import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import type { PgliteDatabase } from 'drizzle-orm/pglite'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import type { Database, Db, Schema } from './client'

const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url))

/** Applies the committed drizzle-kit migrations; one folder serves both drivers. */
export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER }
  if (database.driver === 'pglite') await migratePglite(database.db as unknown as PgliteDatabase<Schema>, config)
  else await migratePostgres(database.db as unknown as PostgresJsDatabase<Schema>, config)
}

export interface MigrationLevel {
  applied: number
  expected: number
  latest: string | null
  upToDate: boolean
}

/** How many of the committed migrations this database has applied, and the name of the newest committed one. */
export async function migrationLevel(db: Db): Promise<MigrationLevel> {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as { entries: { tag: string }[] }
  const rows = await db.execute(
    sql`select count(*)::int as applied from drizzle.__drizzle_migrations`,
  )
  const applied = Number(rowsOf<{ applied: number }>(rows)[0]?.applied ?? 0)
  const expected = journal.entries.length
  return { applied, expected, latest: journal.entries.at(-1)?.tag ?? null, upToDate: applied === expected }
}

/** PGlite returns `{ rows }`, postgres.js an array: read both the same way. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? [])
}
