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

/**
 * Whether a load has been fully answered: no chat message unhandled, no reply unsent. Asked every 100 ms while a
 * backlog drains, so it stops at the first row found: counting them read the whole inbox each time, and that
 * PostgreSQL CPU was counted against the server's handling.
 */
export async function settled(db: Db): Promise<boolean> {
  const rows = await db.execute(sql`select not exists (select 1 from inbox where handled_at is null) and not exists (select 1 from outbox where sent_at is null) as settled`)
  return rowsOf<{ settled: boolean }>(rows)[0]!.settled
}
