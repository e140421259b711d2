import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import type { Database, Db } from './database'
import * as schema from './schema'

/**
 * PostgreSQL through postgres.js: the Node server's pool, or on Workers one small client per request (Hyperdrive
 * pools the real connections), which is why the pool size is a parameter.
 */
export function openPostgres(url: string, options: { max?: number } = {}): Database {
  const client = postgres(url, { max: options.max ?? 10, connect_timeout: 10, onnotice: () => {}, prepare: true })
  return { db: drizzle({ client, schema }) as unknown as Db, driver: 'postgres', close: () => client.end({ timeout: 5 }) }
}
