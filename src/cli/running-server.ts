import { lockHolder, type LockHolder } from '../../db/client'
import { exitOnBootError } from '../boot'
import { type Config, parseConfig } from '../config'
import { cliActor } from './import'

/** The server that holds the embedded database and can be reached, or null when commands may open it themselves. */
export interface RunningServer {
  holder: LockHolder & { port: number }
  url: string
}

export function configOrExit(): Config {
  try {
    return parseConfig(process.env)
  } catch (error) {
    exitOnBootError(error)
  }
}

/**
 * PGlite's files belong to one process. While a server holds them, commands go through its admin API with the token
 * it left in the lock file; a PostgreSQL database is shared by design, so there commands open it themselves.
 */
export function runningServer(config: Config): RunningServer | null {
  if (config.database.driver !== 'pglite' || !config.database.dataDir) return null
  const holder = lockHolder(config.database.dataDir)
  if (!holder || holder.port === null || !holder.localToken) return null
  return { holder: holder as RunningServer['holder'], url: `http://127.0.0.1:${holder.port}` }
}

/** A request to the running server's admin API as this command line (the audit log names the OS account). */
export async function adminRequest(server: RunningServer, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  headers.set('authorization', `Bearer ${server.holder.localToken}`)
  headers.set('x-duikou-actor', encodeURIComponent(cliActor()))
  try {
    return await fetch(`${server.url}${path}`, { ...init, headers })
  } catch {
    console.error(`duikou: ${server.holder.command} (pid ${server.holder.pid}) holds the embedded database but does not answer at ${server.url}; wait a moment or restart it.`)
    process.exit(1)
  }
}

/** The error line of an admin API answer that was not a success. */
export async function errorOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null
  return body?.error?.message ?? `HTTP ${response.status}`
}
