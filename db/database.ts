import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type { PgliteLock } from './pglite-lock'
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
  /** The embedded database's lock (a data directory on disk only): announce the port once the process listens. */
  lock?: PgliteLock
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

/** The rows of a raw `execute`: PGlite and node-postgres answer `{ rows }`; an array is taken as the rows. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? [])
}

// Socket errors, too many connections (53300), and PostgreSQL's classes 08 (connection) and 57P (shutdown).
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', '53300'])

// node-postgres says some of it in words only.
const UNAVAILABLE_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/

/** The driver's code of an error (a SQLSTATE such as 40P01, or a socket code), looking through drizzle's wrapping. */
export function errorCode(error: unknown): string | null {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') return e.code
  }
  return null
}

/** Whether an error (or its cause, as drizzle wraps driver errors) says the database could not be reached, not that a query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    const code = typeof e.code === 'string' ? e.code : ''
    if (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || code.startsWith('57P')) return true
    if (e instanceof Error && UNAVAILABLE_MESSAGES.test(e.message)) return true
  }
  return false
}
