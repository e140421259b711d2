import { z } from 'zod'
import type { Db } from '../../../db/client'
import { auditRows } from '../../../db/repositories/month-records'
import { tenantExists } from '../../../db/repositories/tenants'
import { inDataYears } from '../../domain/strict-input'
import type { UseCaseDeps } from '../deps'

export const AUDIT_PAGE_MAX = 500

/** An opaque page cursor: the (at, id) of the last row shown, base64url JSON. */
export const AuditCursor = z
  .string()
  .transform((s, ctx) => {
    try {
      return JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown
    } catch {
      ctx.addIssue({ code: 'custom', message: 'cursor is not one this API gave out' })
      return z.NEVER
    }
  })
  .pipe(
    z.object(
      // `at` goes to the database as a timestamp: one that is no time (or year 0) was a 500.
      { at: z.string().min(1).max(64).refine((at) => inDataYears(new Date(at)), 'cursor is not one this API gave out'), id: z.uuid() },
      { message: 'cursor is not one this API gave out' },
    ),
  )
export type AuditCursor = z.infer<typeof AuditCursor>

export const encodeCursor = (c: AuditCursor) => Buffer.from(JSON.stringify(c)).toString('base64url')

export interface AuditQueryInput {
  tenantId: string
  from?: Date
  to?: Date
  entity?: string
  limit: number
  cursor?: AuditCursor
}

export interface AuditRow {
  id: string
  at: string
  actor: { personId: string; name: string | null } | null
  /** Who acted when no person did: the admin API or the CLI's OS user and host; null for a person's own action. */
  actorLabel: string | null
  action: string
  entity: string
  entityId: string
  before: unknown
  after: unknown
}

/**
 * The audit log of a tenant, newest first, a page at a time: one more row than asked is read to know whether a
 * next page exists, so `nextCursor` is null exactly on the last page.
 */
export async function listAudit(deps: UseCaseDeps, input: AuditQueryInput): Promise<{ outcome: 'unknownTenant' } | { outcome: 'listed'; rows: AuditRow[]; nextCursor: string | null }> {
  return deps.db.transaction(async (tx: Db) => {
    if (!(await tenantExists(tx, input.tenantId))) return { outcome: 'unknownTenant' as const }
    const limit = Math.min(input.limit, AUDIT_PAGE_MAX)
    const found = await auditRows(tx, { tenantId: input.tenantId, from: input.from, to: input.to, entity: input.entity, limit: limit + 1, after: input.cursor })
    const page = found.slice(0, limit)
    const last = page.at(-1)
    return {
      outcome: 'listed' as const,
      rows: page.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actor: r.actorPersonId ? { personId: r.actorPersonId, name: r.actorName } : null,
        actorLabel: r.actorLabel,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        before: r.before,
        after: r.after,
      })),
      nextCursor: found.length > limit && last ? encodeCursor({ at: last.atText, id: last.id }) : null,
    }
  })
}
