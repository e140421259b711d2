import { Hono } from 'hono'
import { z } from 'zod'
import { DATA_YEARS, inDataYears, parseDay } from '../../domain/strict-input'
import { AuditCursor, listAudit } from '../../usecases/audit/list-audit'
import { adminTenant, forbiddenTenant } from '../admin-auth'
import type { AppEnv } from '../deps'
import { errorBody, invalidRequest } from '../errors'

/** A day (`YYYY-MM-DD`, read in Asia/Shanghai) or an instant with its offset; `to` as a day includes that day. */
const INSTANT = z.iso.datetime({ offset: true })

const bound = (name: string, end: boolean) =>
  z.string().transform((s, ctx) => {
    if (INSTANT.safeParse(s).success) {
      const at = new Date(s)
      if (inDataYears(at)) return at
      ctx.addIssue({ code: 'custom', message: `${name} must be a time from ${DATA_YEARS.min} to ${DATA_YEARS.max}` })
      return z.NEVER
    }
    const day = parseDay(s, { years: DATA_YEARS })
    if (day.ok) return new Date(new Date(`${day.value}T00:00:00+08:00`).getTime() + (end ? 86_400_000 : 0))
    ctx.addIssue({ code: 'custom', message: `${name} must be YYYY-MM-DD from ${DATA_YEARS.min} to ${DATA_YEARS.max}, or a time with its offset: ${day.reason.en}` })
    return z.NEVER
  })

const AuditQuery = z.object({
  from: bound('from', false).optional(),
  to: bound('to', true).optional(),
  entity: z.string().min(1).max(64).optional(),
  tenant: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: AuditCursor.optional(),
})

/**
 * GET /api/admin/audit?from=&to=&entity=&tenant=&limit=&cursor= → `{ rows, nextCursor }`, newest first; pass
 * `nextCursor` back as `cursor` for the next page. Behind `adminAuth`.
 */
export const adminAudit = new Hono<AppEnv>().get('/api/admin/audit', async (c) => {
  const query = AuditQuery.safeParse(c.req.query())
  if (!query.success) return invalidRequest(c, query.error)
  const { tenant, ...rest } = query.data
  const tenantId = adminTenant(c, tenant)
  if (!tenantId) return forbiddenTenant(c, tenant)
  const { database, clock } = c.get('deps')
  const result = await listAudit({ db: database.db, clock }, { tenantId, ...rest })
  if (result.outcome === 'unknownTenant') return c.json(errorBody(c, 'unknown_tenant', `no tenant "${tenantId}"`), 404)
  return c.json({ rows: result.rows, nextCursor: result.nextCursor })
})
