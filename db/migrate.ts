import { fileURLToPath } from 'node:url'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import type { PgliteDatabase } from 'drizzle-orm/pglite'
import type { NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator'
import type { Database, Schema } from './database'

const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url))

/** Applies the committed drizzle-kit migrations at start (Node); one folder serves both drivers. */
export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER }
  if (database.driver === 'pglite') await migratePglite(database.db as unknown as PgliteDatabase<Schema>, config)
  else await migratePostgres(database.db as unknown as NodePgDatabase<Schema>, config)
}
