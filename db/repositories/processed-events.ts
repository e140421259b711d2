import { and, eq } from 'drizzle-orm'
import type { Db } from '../client'
import { processedEvents, type Platform } from '../schema'

export interface EventKey {
  platform: Platform
  eventId: string
  tenantId: string
}

/**
 * Claims a platform event for processing (per tenant: two tenants' events never share a key). A concurrent duplicate waits on the primary key until the first
 * transaction ends; it then finds the event claimed and reads the result that was stored with the effect.
 */
export async function claimEvent(db: Db, key: EventKey): Promise<{ fresh: true } | { fresh: false; result: unknown }> {
  const inserted = await db.insert(processedEvents).values(key).onConflictDoNothing().returning({ eventId: processedEvents.eventId })
  if (inserted.length > 0) return { fresh: true }
  const [row] = await db
    .select({ result: processedEvents.result })
    .from(processedEvents)
    .where(and(eq(processedEvents.tenantId, key.tenantId), eq(processedEvents.platform, key.platform), eq(processedEvents.eventId, key.eventId)))
  return { fresh: false, result: row?.result ?? null }
}

export async function storeEventResult(db: Db, key: EventKey, result: unknown): Promise<void> {
  await db
    .update(processedEvents)
    .set({ result })
    .where(and(eq(processedEvents.tenantId, key.tenantId), eq(processedEvents.platform, key.platform), eq(processedEvents.eventId, key.eventId)))
}
