import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import type { Database, Db } from './database'
import * as schema from './schema'

/**
 * PostgreSQL through node-postgres: the Node server's pool, or on Workers one small pool per request (Hyperdrive
 * pools the real connections), which is why the size is a parameter. node-postgres, not postgres.js: with
 * postgres.js 3.4.9 a database restart under load can end the process from a timer (toolchain.md); this one lives
 * through it (npm run test:faults, "postgres outage").
 */
export function openPostgres(url: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 10_000 })
  // A connection the server drops (a restart) reports an 'error' event: on the pool while idle, on the client while
  // checked out (between a transaction's statements, say). Unheard, either ends the process; the query waiting on it
  // fails on its own, and the pool discards the broken client.
  const lost = (error: Error) => console.warn(JSON.stringify({ level: 'warn', message: 'database connection lost', cause: error.message }))
  pool.on('error', lost)
  pool.on('connect', (client) => client.on('error', lost))
  return { db: drizzle({ client: pool, schema }) as unknown as Db, driver: 'postgres', close: () => pool.end() }
}
