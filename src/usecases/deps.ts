import type { Db } from '../../db/client'
import type { Clock } from '../domain/clock'
import type { RosterLookups } from './roster-lookups'

/** What every use-case may use; entry points and tests build it. */
export interface UseCaseDeps {
  db: Db
  clock: Clock
  /** The chat handler's remembered sender and posting look-ups; without them a use-case reads the database. */
  roster?: RosterLookups
}
