import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { type Database, type DatabaseTarget, DatabaseUnavailable, type Db, describeTarget, reason } from './database'
import { acquireLock } from './pglite-lock'
import { openPostgres } from './postgres'
import * as schema from './schema'

export { DatabaseHeld, lockHolder, type LockHolder } from './pglite-lock'
export { type Database, type DatabaseTarget, DatabaseUnavailable, type Db, describeTarget, type Schema } from './database'

/** Opens the database the config names and proves it answers, so a wrong URL fails at start, not at the first user. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  const database = target.driver === 'pglite' ? await openPglite(target.dataDir) : openPostgres(target.url)
  try {
    await database.db.execute(sql`select 1`)
  } catch (error) {
    await database.close().catch(() => {})
    throw new DatabaseUnavailable(`${describeTarget(target)}: ${reason(error)}`)
  }
  return database
}

/**
 * PGlite's postgres keeps initdb's shared_buffers = 128MB, a page cache inside its WebAssembly memory, which only
 * ever grows: every table page read once stays resident. The files are in the OS page cache anyway, so a small pool
 * costs a copy, not a disk read. A cache setting only: fsync and PGlite's durable mode are untouched.
 */
const MEMORY_SETTINGS = ['-c', 'shared_buffers=16MB', '-c', 'max_connections=10']

async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const lock = dataDir ? acquireLock(dataDir) : undefined
  try {
    const client = await PGlite.create({ ...(dataDir ? { dataDir } : {}), startParams: [...PGlite.defaultStartParams, ...MEMORY_SETTINGS] })
    const close = async () => {
      try {
        await client.close()
      } finally {
        lock?.release()
      }
    }
    return { db: drizzlePglite({ client, schema }) as unknown as Db, driver: 'pglite', lock, close }
  } catch (error) {
    lock?.release()
    throw new DatabaseUnavailable(`embedded PostgreSQL (PGlite) could not open ${dataDir ?? 'memory'}: ${reason(error)}`)
  }
}
