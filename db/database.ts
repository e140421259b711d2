import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type * as schema from './schema'

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

/** A URL with its password hidden, fit for logs and error messages. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.driver === 'pglite') return `PGlite (${target.dataDir ?? 'in memory'})`
  const url = new URL(target.url)
  if (url.password) url.password = '***'
  return `PostgreSQL at ${url.host}${url.pathname}`
}

export function reason(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : ''
    const message = error.message || (error as AggregateError).errors?.map((e: Error) => e.message).join('; ') || String(error)
    return code && !message.includes(code) ? `${code} ${message}${cause}` : `${message}${cause}`
  }
  return String(error)
}

/** PGlite returns `{ rows }`, postgres.js an array: read both the same way. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? [])
}
