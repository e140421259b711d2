import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { rowsOf } from '../database'
import { processedEvents, type Platform } from '../schema'
import { type OutboxMessage, outboxInsert } from './outbox'

export interface EventKey {
  platform: Platform
  eventId: string
  tenantId: string
}

/** A fresh claim carries the roster version (db/schema/roster-version.ts) read in the same statement. */
export type Claim = { fresh: true; rosterVersion: number } | { fresh: false; result: unknown }

/**
 * Claims a platform event, and the other ids the platform gives the same event, for processing in one statement
 * (per tenant: two tenants' events never share a key). A concurrent duplicate waits on the primary key until the
 * first transaction ends; it then finds the event claimed and reads the result that was stored with the effect.
 * The event is fresh only when none of its ids was claimed before; null when the tenant does not exist, and then
 * nothing is written.
 */
export async function claimEvent(db: Db, key: EventKey, alsoKnownAs: string[] = []): Promise<Claim | null> {
  const ids = [key.eventId, ...alsoKnownAs]
  const rows = sql.join(
    ids.map((id) => sql`(${id})`),
    sql`, `,
  )
  const inserted = rowsOf<{ event_id: string; roster_version: string | number }>(
    await db.execute(sql`
      insert into ${processedEvents} (tenant_id, platform, event_id)
      select ${key.tenantId}, ${key.platform}, ids.id from (values ${rows}) as ids(id)
      where exists (select 1 from tenants where id = ${key.tenantId})
      on conflict do nothing
      returning event_id, (select version from roster_version where id = 1) as roster_version`),
  )
  if (inserted.length === ids.length) return { fresh: true, rosterVersion: Number(inserted[0]!.roster_version) }
  if (inserted.some((row) => row.event_id === key.eventId)) return { fresh: false, result: null }
  const [row] = await db
    .select({ result: processedEvents.result })
    .from(processedEvents)
    .where(and(eq(processedEvents.tenantId, key.tenantId), eq(processedEvents.platform, key.platform), eq(processedEvents.eventId, key.eventId)))
  return row ? { fresh: false, result: row.result } : null
}

/** Stores the answer to a claimed event and queues its reply (outbox rows due at `at`), in one statement. */
export async function storeEventResult(db: Db, key: EventKey, result: unknown, reply?: { messages: OutboxMessage[]; at: Date }): Promise<void> {
  const store = sql`
    update processed_events set result = ${JSON.stringify(result)}::jsonb
    where tenant_id = ${key.tenantId} and platform = ${key.platform} and event_id = ${key.eventId}`
  // One round trip fewer on every message than an UPDATE and an INSERT.
  await db.execute(reply?.messages.length ? sql`with stored as (${store}) ${outboxInsert(reply.messages, reply.at)}` : store)
}
