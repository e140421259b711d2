import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { rowsOf } from '../database'
import { processedEvents, type Platform } from '../schema'
import { type OutboxMessage, outboxInsertValues, outboxValues } from './outbox'

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
  return (await claimEvents(db, [{ key, alsoKnownAs }]))[0]!
}

/** claimEvent for several events in one statement, each claim in the order given (handleMessagesTogether's). */
export async function claimEvents(db: Db, events: { key: EventKey; alsoKnownAs?: string[] }[]): Promise<(Claim | null)[]> {
  const rows = sql.join(
    events.flatMap(({ key, alsoKnownAs = [] }) => [key.eventId, ...alsoKnownAs].map((id) => sql`(${key.tenantId}, ${key.platform}, ${id})`)),
    sql`, `,
  )
  const inserted = rowsOf<{ tenant_id: string; platform: string; event_id: string; roster_version: string | number }>(
    await db.execute(sql`
      insert into ${processedEvents} (tenant_id, platform, event_id)
      select ids.tenant_id, ids.platform, ids.id from (values ${rows}) as ids(tenant_id, platform, id)
      where exists (select 1 from tenants where id = ids.tenant_id)
      on conflict do nothing
      returning tenant_id, platform, event_id, (select version from roster_version where id = 1) as roster_version`),
  )
  const claimed = new Map(inserted.map((row) => [`${row.tenant_id}\u0000${row.platform}\u0000${row.event_id}`, Number(row.roster_version)]))
  const claims: (Claim | null)[] = []
  for (const { key, alsoKnownAs = [] } of events) {
    const versions = [key.eventId, ...alsoKnownAs].map((id) => claimed.get(`${key.tenantId}\u0000${key.platform}\u0000${id}`))
    if (versions.every((version) => version !== undefined)) claims.push({ fresh: true, rosterVersion: versions[0]! })
    else if (versions[0] !== undefined) claims.push({ fresh: false, result: null })
    else claims.push(await claimedBefore(db, key))
  }
  return claims
}

async function claimedBefore(db: Db, key: EventKey): Promise<Claim | null> {
  const [row] = await db
    .select({ result: processedEvents.result })
    .from(processedEvents)
    .where(and(eq(processedEvents.tenantId, key.tenantId), eq(processedEvents.platform, key.platform), eq(processedEvents.eventId, key.eventId)))
  return row ? { fresh: false, result: row.result } : null
}

/** Stores the answer to a claimed event and queues its reply (outbox rows due at `at`), in one statement. */
export async function storeEventResult(db: Db, key: EventKey, result: unknown, reply?: { messages: OutboxMessage[]; at: Date }): Promise<void> {
  await storeEventResults(db, [{ key, result, messages: reply?.messages ?? [], at: reply?.at ?? new Date(0) }])
}

/** storeEventResult for several events in one statement; the replies are queued in the order given. */
export async function storeEventResults(db: Db, answers: { key: EventKey; result: unknown; messages: OutboxMessage[]; at: Date }[]): Promise<void> {
  if (answers.length === 0) return
  const results = sql.join(
    answers.map(({ key, result }) => sql`(${key.tenantId}::text, ${key.platform}::text, ${key.eventId}::text, ${JSON.stringify(result)}::jsonb)`),
    sql`, `,
  )
  const store = sql`
    update processed_events set result = answers.result
    from (values ${results}) as answers(tenant_id, platform, event_id, result)
    where processed_events.tenant_id = answers.tenant_id and processed_events.platform = answers.platform and processed_events.event_id = answers.event_id`
  const queued = answers.flatMap(({ messages, at }) => outboxValues(messages, at))
  // One round trip fewer on every message than an UPDATE and an INSERT.
  await db.execute(queued.length ? sql`with stored as (${store}) ${outboxInsertValues(queued)}` : store)
}
