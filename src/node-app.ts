import type { Database } from '../db/client'
import { createApp } from './app/create-app'
import type { Config } from './config'
import type { Clock } from './domain/clock'
import { startOutboxWorker } from './jobs/deliver-outbox'
import { startInboxWorker } from './jobs/handle-inbox'
import { startJobTicker } from './jobs/job-ticker'
import { sendersFor } from './platforms/senders'

/**
 * The app as a Node process runs it: the HTTP app, the inbox worker that handles the chat messages it stored, the
 * outbox worker that delivers replies and notices, and the job ticker.
 */
export function startNodeApp(deps: { config: Config; database: Database; clock: Clock; version: string; localToken?: () => string | null }) {
  const useCaseDeps = { db: deps.database.db, clock: deps.clock }
  const worker = startOutboxWorker({ ...useCaseDeps, senders: sendersFor(deps.config) })
  const inbox = startInboxWorker(useCaseDeps, worker.kick)
  const jobs = startJobTicker(useCaseDeps, worker.kick)
  const app = createApp({ ...deps, outbox: worker, inbox })
  return {
    app,
    worker,
    inbox,
    stop: async () => {
      jobs.stop()
      inbox.stop()
      await inbox.idle()
      worker.stop()
      await worker.idle()
    },
  }
}
