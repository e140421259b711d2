import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import type { Database, Db } from './database'
import * as schema from './schema'
import { statementNamer } from './statement-names'

type QueryArguments = [config: unknown, ...rest: unknown[]]

/** Gives a statement sent again and again its name (db/statement-names.ts), so the connection runs it prepared. */
function preparingRecurring(client: pg.PoolClient, nameOf: (text: string, parameters: number) => string | undefined) {
  const query = client.query.bind(client) as (...args: QueryArguments) => unknown
  ;(client as unknown as { query: (...args: QueryArguments) => unknown }).query = (config, ...rest) => {
    const values = Array.isArray(rest[0]) ? rest[0] : (config as { values?: unknown[] } | null)?.values
    if (config && typeof config === 'object' && 'text' in config && typeof config.text === 'string' && !('name' in config && config.name)) {
      const name = nameOf(config.text, Array.isArray(values) ? values.length : 0)
      if (name) return query({ ...config, name }, ...rest)
    }
    return query(config, ...rest)
  }
}

/**
 * PostgreSQL through node-postgres: the Node server's pool, or on Workers one small pool per request (Hyperdrive
 * pools the real connections), which is why the size is a parameter. node-postgres, not postgres.js: with
 * postgres.js 3.4.9 a database restart under load can end the process from a timer (toolchain.md); this one lives
 * through it (npm run test:faults, "postgres outage").
 */
export function openPostgres(url: string, options: { max?: number; prepareRecurring?: boolean } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 10_000 })
  const nameOf = options.prepareRecurring === false ? null : statementNamer()
  // A connection the server drops (a restart) reports an 'error' event: on the pool while idle, on the client while
  // checked out (between a transaction's statements, say). Unheard, either ends the process; the query waiting on it
  // fails on its own, and the pool discards the broken client.
  const lost = (error: Error) => console.warn(JSON.stringify({ level: 'warn', message: 'database connection lost', cause: error.message }))
  pool.on('error', lost)
  pool.on('connect', (client) => {
    client.on('error', lost)
    if (nameOf) preparingRecurring(client, nameOf)
  })
  return { db: drizzle({ client: pool, schema }) as unknown as Db, driver: 'postgres', close: () => pool.end() }
}
