import { Hono } from 'hono'
import { z } from 'zod'
import { importHolidayNotice } from '../../usecases/calendar/import-notice'
import type { AppEnv } from '../deps'
import { errorBody, invalidRequest } from '../errors'
import { adminTenant, forbiddenTenant } from '../admin-auth'

const NoticeQuery = z.object({
  dryRun: z.enum(['true', 'false'], { message: 'dryRun must be "true" or "false"' }).default('false').transform((v) => v === 'true'),
  tenant: z.string().min(1).optional(),
})

/**
 * POST /api/admin/calendar/notice?dryRun=true|false[&tenant=…]: the body is the State Council's holiday notice as
 * plain text → `{ year, holidays: [{ day, name }], workdays: [{ day, name }], entered }`; 422 naming the line that does
 * not add up (nothing written). The CLI's `calendar import`. Behind `adminAuth`.
 */
export const adminCalendar = new Hono<AppEnv>().post('/api/admin/calendar/notice', async (c) => {
  const query = NoticeQuery.safeParse(c.req.query())
  if (!query.success) return invalidRequest(c, query.error)
  const text = await c.req.text()
  if (!text.trim()) return c.json(errorBody(c, 'invalid_request', 'body must be the notice as plain text'), 400)
  const { database, clock } = c.get('deps')
  const tenantId = adminTenant(c, query.data.tenant)
  if (tenantId === null) return forbiddenTenant(c, query.data.tenant)
  const result = await importHolidayNotice({ db: database.db, clock }, { tenantId, text, dryRun: query.data.dryRun, actor: { personId: null, label: c.get('adminActor') } })
  if (result.outcome === 'unknownTenant') return c.json(errorBody(c, 'unknown_tenant', `no tenant "${tenantId}"`), 404)
  if (result.outcome === 'rejected') return c.json({ ...errorBody(c, 'invalid_notice', result.line ? `${result.message}（${result.line}）` : result.message), line: result.line }, 422)
  const { year, holidays, workdays, entered } = result
  return c.json({ year, holidays, workdays, entered })
})
