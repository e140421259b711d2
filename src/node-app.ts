import type { Database } from '../db/client'
import { createApp, createServices } from './app/create-app'
import { acceptFeishu } from './app/feishu-accept'
import type { Config } from './config'
import type { Clock } from './domain/clock'
import { startOutboxWorker } from './jobs/deliver-outbox'
import { startInboxWorker } from './jobs/handle-inbox'
import { startEmbeddedVacuum, startVacuumWhereAutovacuumIsOff } from './jobs/embedded-vacuum'
import { startJobTicker } from './jobs/job-ticker'
import { readPushedEvent } from './platforms/feishu/long-connection-event'
import type { FeishuConnectionStatus } from './platforms/feishu/connection-status'
import type { LongConnectionOptions } from './platforms/feishu/long-connection'
import { fileFetchersOf, sendersFor } from './platforms/senders'

/**
 * The app as a Node process runs it: the HTTP app, the inbox worker that handles the chat messages it stored, the
 * outbox worker that delivers replies and notices, the job ticker, and the vacuum where no autovacuum runs.
 */
export function startNodeApp(deps: {
  config: Config
  database: Database
  clock: Clock
  version: string
  localToken?: () => string | null
  /** Test-only tuning of the Feishu long connection's heartbeat, restart backoff and polling. */
  longConnection?: Pick<LongConnectionOptions, 'heartbeat' | 'restart' | 'pollMs' | 'now'>
}) {
  const useCaseDeps = { db: deps.database.db, clock: deps.clock }
  const senders = sendersFor(deps.config)
  const worker = startOutboxWorker({ ...useCaseDeps, senders })
  const inbox = startInboxWorker({ ...useCaseDeps, files: fileFetchersOf(senders) }, worker.kick, { engine: deps.database.driver === 'pglite' ? 'embedded' : 'server' })
  const jobs = startJobTicker(useCaseDeps, worker.kick)
  // The embedded engine has no autovacuum; a PostgreSQL server vacuums its own tables unless that is turned off.
  const vacuum = deps.database.driver === 'pglite' ? startEmbeddedVacuum(deps.database.db) : startVacuumWhereAutovacuumIsOff(deps.database.db)
  const feishu = deps.config.feishu.connection === 'websocket' ? startFeishuEvents({ ...deps, outbox: worker, inbox }) : null
  const app = createApp({ ...deps, outbox: worker, inbox, feishuConnection: feishu?.status })
  return {
    app,
    worker,
    inbox,
    stop: async () => {
      feishu?.stop()
      jobs.stop()
      await vacuum?.stop()
      inbox.stop()
      await inbox.idle()
      worker.stop()
      await worker.idle()
    },
  }
}

/**
 * FEISHU_CONNECTION=websocket: events and card clicks over Feishu's long connection, taken the webhook's way. The
 * Lark SDK it runs on is loaded only here: it adds about 90 MB to every process that imports it, webhook or not.
 */
function startFeishuEvents(deps: Parameters<typeof acceptFeishu>[0] & { longConnection?: Pick<LongConnectionOptions, 'heartbeat' | 'restart' | 'pollMs' | 'now'> }) {
  const services = createServices(deps)
  const since = new Date((deps.longConnection?.now ?? Date.now)()).toISOString()
  let connection: { status(): FeishuConnectionStatus; stop(): void } | null = null
  let stopped = false
  void import('./platforms/feishu/long-connection').then(
    ({ startFeishuLongConnection }) => {
      if (stopped) return
      connection = startFeishuLongConnection({
        ...deps.longConnection,
        settings: deps.config.feishu,
        handle: async (data) => {
          const received = readPushedEvent(data, deps.config.feishu)
          if (received.kind === 'message' || received.kind === 'cardAction' || received.kind === 'unreadable') return acceptFeishu(deps, services, received)
          if (received.kind !== 'ignored') console.warn(JSON.stringify({ level: 'warn', message: 'Feishu long connection: event not taken', reason: 'reason' in received ? received.reason : received.kind }))
          return {}
        },
      })
    },
    (error: Error) => console.error(JSON.stringify({ level: 'error', component: 'feishu-long-connection', message: `cannot load the Lark SDK: ${error.message}` })),
  )
  return {
    // While the SDK loads (well under a second) the connection is not up yet: it is reconnecting, not down.
    status: (): FeishuConnectionStatus => connection?.status() ?? { connection: 'reconnecting', since, down: false },
    stop() {
      stopped = true
      connection?.stop()
    },
  }
}
