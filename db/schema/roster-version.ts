import { bigint, integer, pgTable } from 'drizzle-orm/pg-core'

/**
 * One row, bumped once by every transaction that changes who is who or who serves where (identities, people,
 * postings, orgs), by the triggers of migration 0009 whatever process writes. The chat handler reads it with its
 * event claim: while it stays the same, the senders and postings it looked up before are still right.
 */
export const rosterVersion = pgTable('roster_version', {
  id: integer('id').primaryKey().default(1),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
})
