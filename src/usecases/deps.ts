import type { Db } from '../../db/client'
import type { Clock } from '../domain/clock'

/** What every use-case may use; entry points and tests build it. */
export interface UseCaseDeps {
  db: Db
  clock: Clock
}
