import { Hono } from 'hono'
import { z } from 'zod'
import { importFile } from '../../usecases/import/import-file'
import { ImportKind } from '../../usecases/import/types'
import { adminTenant, forbiddenTenant } from '../admin-auth'
import type { AppEnv } from '../deps'
import { errorBody, invalidRequest } from '../errors'


const ImportQuery = z.object({
  kind: ImportKind,
  dryRun: z.enum(['true', 'false'], { message: 'dryRun must be "true" or "false"' }).default('false').transform((v) => v === 'true'),
  tenant: z.string().min(1).optional(),
  fileName: z.string().min(1).optional(),
})

/**
 * POST /api/admin/imports?kind=zhejiang-pairs|roster&dryRun=true|false[&tenant=…][&fileName=…]: the body is the
 * file's bytes, or multipart/form-data with a `file` field → `{ dryRun, created, changed, errors, plan }`; 422 when
 * rows fail (nothing written). Behind `adminAuth`.
 */
export const adminImports = new Hono<AppEnv>().post('/api/admin/imports', async (c) => {
  const query = ImportQuery.safeParse(c.req.query())
  if (!query.success) return invalidRequest(c, query.error)
  let bytes: Uint8Array
  let fileName = query.data.fileName
  if ((c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    const file = (await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)).file
    if (!(file instanceof File)) return c.json(errorBody(c, 'invalid_request', 'multipart body needs a "file" field holding the .xlsx or .csv'), 400)
    bytes = new Uint8Array(await file.arrayBuffer())
    fileName ??= file.name
  } else bytes = new Uint8Array(await c.req.arrayBuffer())
  if (bytes.byteLength === 0) return c.json(errorBody(c, 'invalid_request', 'body must be an .xlsx or .csv file (raw bytes or multipart "file")'), 400)

  const tenantId = adminTenant(c, query.data.tenant)
  if (!tenantId) return forbiddenTenant(c, query.data.tenant)
  const { database, clock } = c.get('deps')
  const result = await importFile(
    { db: database.db, clock },
    { tenantId, kind: query.data.kind, bytes, fileName: fileName || 'upload', dryRun: query.data.dryRun, actor: { personId: null, label: c.get('adminActor') } },
  )
  if (result.outcome === 'unknownTenant') return c.json(errorBody(c, 'unknown_tenant', `no tenant "${tenantId}"`), 404)
  if (result.outcome === 'tooLarge') return c.json(errorBody(c, 'file_too_large', result.message), 413)
  const { kind, dryRun, created, changed, errors, plan } = result
  return c.json({ kind, dryRun, created, changed, errors, plan }, result.outcome === 'rejected' ? 422 : 200)
})
