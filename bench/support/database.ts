import { sql } from 'drizzle-orm'
import { type Db, openDatabase, type Database } from '../../db/client'
import { rowsOf } from '../../db/database'
import { migrate } from '../../db/migrate'
import { adminUrl } from '../../test/support/test-database-source'

/** The PostgreSQL server the benchmarks and fault checks use: DATABASE_URL, or the local one CI runs. */
export function serverUrl(): string {
  const url = process.env.DATABASE_URL
  if (url && url.startsWith('postgres')) return url
  return 'postgres://postgres@127.0.0.1:5432/postgres'
}

/** A new, empty, migrated database on that server (dropped first if a previous run left it). */
export async function freshDatabase(name: string): Promise<{ url: string; database: Database }> {
  const admin = await openDatabase({ driver: 'postgres', url: serverUrl() })
  await admin.db.execute(`drop database if exists "${name}" with (force)`)
  await admin.db.execute(`create database "${name}"`)
  await admin.close()
  const url = adminUrl(serverUrl(), name)
  const database = await openDatabase({ driver: 'postgres', url })
  await migrate(database)
  return { url, database }
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = await openDatabase({ driver: 'postgres', url: serverUrl() })
  await admin.db.execute(`drop database if exists "${name}" with (force)`)
  await admin.close()
}

/** Chat messages not yet handled plus replies not yet sent: 0 once a load has been fully answered. */
export async function unsettled(db: Db): Promise<number> {
  const rows = await db.execute(sql`select (select count(*) from inbox where handled_at is null) + (select count(*) from outbox where sent_at is null) as n`)
  return Number(rowsOf<{ n: string | number }>(rows)[0]!.n)
}
