import type { Database } from '../db/client'
import { createApp } from './app/create-app'
import type { Config } from './config'
import type { Clock } from './domain/clock'
import { startOutboxWorker } from './jobs/deliver-outbox'
import { startJobTicker } from './jobs/job-ticker'
import { sendersFor } from './platforms/senders'

/** The app as a Node process runs it: the HTTP app, the outbox worker that delivers its messages, and the job ticker. */
export function startNodeApp(deps: { config: Config; database: Database; clock: Clock; version: string }) {
  const worker = startOutboxWorker({ db: deps.database.db, clock: deps.clock, senders: sendersFor(deps.config) })
  const jobs = startJobTicker({ db: deps.database.db, clock: deps.clock }, worker.kick)
  const app = createApp({ ...deps, outbox: worker })
  return {
    app,
    worker,
    stop: async () => {
      jobs.stop()
      worker.stop()
      await worker.idle()
    },
  }
}
