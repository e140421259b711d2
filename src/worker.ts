import { safeErrorText } from '../db/database'
import { openPostgres } from '../db/postgres'
import { createApp } from './app/create-app'
import { type Config, ConfigError, parseConfig } from './config'
import { systemClock } from './domain/clock'
import { deliverDue } from './jobs/deliver-outbox'
import { handleInbox } from './jobs/handle-inbox'
import { runDueJobs } from './jobs/run-jobs'
import { fileFetchersOf, sendersFor } from './platforms/senders'
import { VERSION } from './version'

/** Bindings: Hyperdrive (preferred) or a DATABASE_URL secret, plus the same variables the Node server reads. */
interface Env {
  HYPERDRIVE?: { connectionString: string }
  [name: string]: unknown
}

interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void
}

// Hyperdrive pools the real connections; a request needs only a few of its own.
const CONNECTIONS_PER_INVOCATION = 5

export function configOf(env: Env): Config {
  const vars = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'))
  const config = parseConfig({ ...vars, DATABASE_URL: env.HYPERDRIVE?.connectionString ?? vars.DATABASE_URL })
  if (config.database.driver !== 'postgres') throw new ConfigError('on Workers, bind HYPERDRIVE or set DATABASE_URL to a postgres:// URL')
  // A Worker lives per request and cannot hold Feishu's long connection open.
  if (config.feishu.connection === 'websocket')
    throw new ConfigError('FEISHU_CONNECTION=websocket needs a long-running Node server (npm start); on Workers Feishu events arrive by webhook: unset FEISHU_CONNECTION or set it to webhook')
  // A Worker is public by nature: the console, which lets its caller speak as anyone, is never mounted here.
  return { ...config, console: { ...config.console, enabled: false } }
}

/**
 * The senders hold the platforms' access tokens and the rate windows of what was sent. An isolate serves many
 * invocations, so they are kept for its lifetime: built per invocation, every drain fetched a new token (both
 * platforms limit how often one may) and forgot what it had just sent.
 */
let isolateSenders: { env: Env; senders: ReturnType<typeof sendersFor> } | null = null
function sendersOf(env: Env, config: Config) {
  if (isolateSenders?.env !== env) isolateSenders = { env, senders: sendersFor(config) }
  return isolateSenders.senders
}

/** The same wiring as the Node server, for one invocation: a database client, the senders, the app. */
function invocation(env: Env) {
  const config = configOf(env)
  // Its connections end with the invocation: a statement prepared on one would never be run again there.
  const database = openPostgres((config.database as { url: string }).url, { max: CONNECTIONS_PER_INVOCATION, prepareRecurring: false })
  const deps = { db: database.db, clock: systemClock }
  const drain = async () => {
    try {
      const senders = sendersOf(env, config)
      await handleInbox({ ...deps, files: fileFetchersOf(senders) })
      await deliverDue({ ...deps, senders })
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', job: 'drain', message: safeErrorText(error) }))
    }
  }
  return { config, database, deps, drain }
}

export default {
  /** The HTTP app; after the response, stored messages are handled and the outbox drained in the background (waitUntil). */
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const { config, database, drain } = invocation(env)
    const app = createApp({ database, clock: systemClock, config, version: VERSION, outbox: { kick: () => {} }, inbox: { kick: () => {} } })
    const response = await app.fetch(request)
    ctx.waitUntil(drain().finally(() => database.close()))
    return response
  },

  /** Cron triggers: whatever jobs are due (the same runDueJobs as the Node ticker), then what is left to send. */
  async scheduled(_controller: unknown, env: Env, ctx: ExecutionContext): Promise<void> {
    const { database, deps, drain } = invocation(env)
    ctx.waitUntil(
      (async () => {
        try {
          const reports = await runDueJobs(deps)
          console.log(JSON.stringify({ level: 'info', job: 'scheduled', ran: reports.map((r) => `${r.tenantId}/${r.job}/${r.period}`) }))
          await drain()
        } finally {
          await database.close()
        }
      })(),
    )
  },
}
