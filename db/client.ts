import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from './schema'

export type Schema = typeof schema
/** Either driver, or a transaction of either: repositories and use-cases only see this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>

export type DatabaseTarget =
  | { driver: 'pglite'; dataDir: string | null }
  | { driver: 'postgres'; url: string }

export interface Database {
  db: Db
  driver: DatabaseTarget['driver']
  close(): Promise<void>
}

/** Raised when the database cannot be reached or opened; its message is meant for the operator's terminal. */
export class DatabaseUnavailable extends Error {
  override name = 'DatabaseUnavailable'
}

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

async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  try {
    const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create()
    return { db: drizzlePglite({ client, schema }) as unknown as Db, driver: 'pglite', close: () => client.close() }
  } catch (error) {
    throw new DatabaseUnavailable(`embedded PostgreSQL (PGlite) could not open ${dataDir ?? 'memory'}: ${reason(error)}`)
  }
}

function openPostgres(url: string): Database {
  const client = postgres(url, { max: 10, connect_timeout: 10, onnotice: () => {} })
  return { db: drizzlePostgres({ client, schema }) as unknown as Db, driver: 'postgres', close: () => client.end({ timeout: 5 }) }
}

/** A URL with its password hidden, fit for logs and error messages. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.driver === 'pglite') return `PGlite (${target.dataDir ?? 'in memory'})`
  const url = new URL(target.url)
  if (url.password) url.password = '***'
  return `PostgreSQL at ${url.host}${url.pathname}`
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : ''
    const message = error.message || (error as AggregateError).errors?.map((e: Error) => e.message).join('; ') || String(error)
    return code && !message.includes(code) ? `${code} ${message}${cause}` : `${message}${cause}`
  }
  return String(error)
}
