import { Hono } from 'hono'
import { z } from 'zod'
import { DATA_YEARS, zodDay } from '../../domain/strict-input'
import { AuditCursor, inDataYears, listAudit } from '../../usecases/audit/list-audit'
import type { AppEnv } from '../deps'
import { errorBody, invalidRequest } from '../errors'

/** A day (`YYYY-MM-DD`, read in Asia/Shanghai) or an instant with its offset; `to` as a day includes that day. */
const bound = (name: string, end: boolean) =>
  z.union([
    z.iso.datetime({ offset: true }).transform((s) => new Date(s)).refine(inDataYears, `${name} must be a time from ${DATA_YEARS.min} to ${DATA_YEARS.max}`),
    zodDay(name).transform((d) => new Date(new Date(`${d}T00:00:00+08:00`).getTime() + (end ? 86_400_000 : 0))),
  ])

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
  const { database, clock, config } = c.get('deps')
  const { tenant, ...rest } = query.data
  const tenantId = tenant ?? config.console.tenantId
  const result = await listAudit({ db: database.db, clock }, { tenantId, ...rest })
  if (result.outcome === 'unknownTenant') return c.json(errorBody(c, 'unknown_tenant', `no tenant "${tenantId}"`), 404)
  return c.json({ rows: result.rows, nextCursor: result.nextCursor })
})
