import { Hono } from 'hono'
import { z } from 'zod'
import { buildMonthlyExport, XLSX_CONTENT_TYPE } from '../../usecases/export/build-monthly-export'
import { Month } from '../../usecases/office/month-view'
import { adminTenant, forbiddenTenant } from '../admin-auth'
import type { AppEnv } from '../deps'
import { errorBody, invalidRequest } from '../errors'

const ExportQuery = z.object({ month: Month, tenant: z.string().min(1).optional() })

/** `filename*` carries the Chinese name (RFC 6266/5987); `filename` is an ASCII fallback for old clients. */
function disposition(fileName: string, month: string): string {
  return `attachment; filename="duikou-monthly-${month}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

/** GET /api/admin/exports/monthly?month=YYYY-MM[&tenant=…] → the month's .xlsx for the whole tenant. Behind `adminAuth`. */
export const adminExports = new Hono<AppEnv>().get('/api/admin/exports/monthly', async (c) => {
  const query = ExportQuery.safeParse(c.req.query())
  if (!query.success) return invalidRequest(c, query.error)
  const tenantId = adminTenant(c, query.data.tenant)
  if (!tenantId) return forbiddenTenant(c, query.data.tenant)
  const { database, clock } = c.get('deps')
  const result = await buildMonthlyExport({ db: database.db, clock }, { tenantId, month: query.data.month, viewer: { kind: 'admin' } })
  if (result.outcome === 'unknownTenant') return c.json(errorBody(c, 'unknown_tenant', `no tenant "${tenantId}"`), 404)
  return c.body(result.bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': XLSX_CONTENT_TYPE,
    'content-disposition': disposition(result.fileName, query.data.month),
    'cache-control': 'no-store',
    // What the workbook holds, for a command line that reports it (postings, reports, absences, audit rows).
    'x-export-counts': JSON.stringify(result.counts),
  })
})
