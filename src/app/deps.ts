import type { Database } from '../../db/client'
import type { Config } from '../config'
import type { Clock } from '../domain/clock'

/** Everything the HTTP app needs, injected by the entry point (Node server, Worker, tests). */
export interface AppDeps {
  database: Database
  clock: Clock
  config: Config
  version: string
  /** Wakes the outbox sender after a webhook committed messages to send. */
  outbox: { kick(): void }
}

export type AppEnv = { Variables: { requestId: string; deps: AppDeps } }
