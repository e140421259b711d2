import { relative } from 'node:path'
import { type Database, DatabaseHeld, DatabaseUnavailable, describeTarget, openDatabase } from '../db/client'
import { migrate } from '../db/migrate'
import { type Config, ConfigError, parseConfig } from './config'

export { VERSION } from './version'

/** Parses config from the environment and opens a migrated database: what every Node entry point does first. */
export async function boot(env: Record<string, string | undefined> = process.env): Promise<{ config: Config; database: Database }> {
  const config = parseConfig(env)
  const database = await openDatabase(config.database)
  try {
    await migrate(database)
  } catch (error) {
    await database.close().catch(() => {})
    throw new DatabaseUnavailable(`${describeTarget(config.database)}: migrations failed: ${(error as Error).message}`)
  }
  return { config, database }
}

/** Operator mistakes end the process with one clear line, not a stack trace. */
export function exitOnBootError(error: unknown): never {
  if (error instanceof ConfigError) console.error(`duikou: ${error.message}`)
  else if (error instanceof DatabaseHeld) {
    const { holder } = error
    const where = holder.port ? `, http://127.0.0.1:${holder.port}` : ''
    console.error(
      `duikou: the embedded database ${relative(process.cwd(), error.dataDir) || error.dataDir} is in use by ${holder.command} (pid ${holder.pid}${where}); ` +
        'its files belong to one process: stop that one first (Ctrl-C in its terminal), or set DATABASE_URL to a PostgreSQL server.',
    )
  } else if (error instanceof DatabaseUnavailable) console.error(`duikou: cannot open the database — ${error.message}\n  Check DATABASE_URL (unset = embedded database in ./.data/).`)
  else throw error
  process.exit(1)
}
