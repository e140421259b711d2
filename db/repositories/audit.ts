import type { Db } from '../client'
import { auditLog } from '../schema'

export interface AuditEntry {
  tenantId: string
  actorPersonId: string | null
  actorLabel?: string | null
  action: string
  entity: string
  entityId: string
  before: unknown
  after: unknown
  at: Date
}

/** One row per state change, written in the change's own transaction. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry)
}
