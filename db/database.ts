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

/** The statement's kind and table from drizzle's "Failed query: …" message, never its parameters. */
function statementOf(message: string): string | null {
  if (!message.startsWith('Failed query: ')) return null
  const sql = message.slice('Failed query: '.length).split('\nparams:')[0]!
  const kind = /^\s*(select|insert|update|delete|with)\b/i.exec(sql)?.[1]?.toLowerCase() ?? 'query'
  const table = /\b(?:into|update|from)\s+"(\w+)"/i.exec(sql)?.[1]
  return table ? `${kind} ${table}` : kind
}

/**
 * An error as logs and `last_error` may hold it: the SQLSTATE, the table and constraint, and the statement's kind
 * — never the SQL's parameters (people's names, messages) that drizzle and the drivers put in their messages.
 */
export function safeErrorText(error: unknown): string {
  const code = errorCode(error)
  let statement: string | null = null
  let detail: { table?: string; constraint?: string } = {}
  for (let e = error as { message?: unknown; cause?: unknown; table?: unknown; constraint?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.message === 'string') statement ??= statementOf(e.message)
    if (typeof e.table === 'string' || typeof e.constraint === 'string') detail = { table: e.table as string | undefined, constraint: e.constraint as string | undefined }
  }
  if (code || statement) {
    const where = [detail.table && `table ${detail.table}`, detail.constraint && `constraint ${detail.constraint}`, statement && `in ${statement}`].filter(Boolean).join(', ')
    return `database error ${code ?? 'unknown'}${where ? ` (${where})` : ''}`
  }
  if (error instanceof Error) return `${error.name}: ${error.message.split('\n')[0]!.slice(0, 200)}`
  return String(error).slice(0, 200)
}

// Worth another try: a lost connection, a deadlock or serialization failure (40), too little of something (53), a
// lock not granted in time (55P03), an operator stopping the server (57), an I/O failure (58).
const TRANSIENT_CLASSES = ['40', '53', '57', '58']

/** Whether a failure may pass by itself (the database, the network); anything else fails the same way again. */
export function isTransientFailure(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true
  const code = errorCode(error)
  return code !== null && (TRANSIENT_CLASSES.some((c) => code.startsWith(c)) || code === '55P03' || /^E[A-Z]+$/.test(code))
}
