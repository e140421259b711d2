import { Hono } from 'hono'
import { z } from 'zod'
import { buildAgreement } from '../../usecases/agreement/build-agreement'
import { adminTenant, forbiddenTenant } from '../admin-auth'
import type { AppEnv } from '../deps'
import { errorBody, invalidRequest } from '../errors'

const AgreementQuery = z.object({ tenant: z.string().min(1).optional() })
const PairId = z.uuid({ message: 'the support pair id must be a UUID' })

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** GET /api/admin/support-pairs/:id/agreement → the pair's 支援协议 as .docx (附件3 model). Behind `adminAuth`. */
export const adminAgreements = new Hono<AppEnv>().get('/api/admin/support-pairs/:id/agreement', async (c) => {
  const id = PairId.safeParse(c.req.param('id'))
  if (!id.success) return invalidRequest(c, id.error)
  const query = AgreementQuery.safeParse(c.req.query())
  if (!query.success) return invalidRequest(c, query.error)
  const tenantId = adminTenant(c, query.data.tenant)
  if (!tenantId) return forbiddenTenant(c, query.data.tenant)
  const { database, clock } = c.get('deps')
  const result = await buildAgreement({ db: database.db, clock }, { tenantId, pairId: id.data })
  if (!result.ok && result.problem === 'noModel') return c.json(errorBody(c, 'no_agreement_model', result.message), 422)
  if (!result.ok) return c.json(errorBody(c, 'not_found', result.message), 404)
  return c.body(result.bytes.buffer as ArrayBuffer, 200, {
    'content-type': DOCX,
    'content-disposition': `attachment; filename="agreement.docx"; filename*=UTF-8''${encodeURIComponent(result.fileName)}`,
  })
})
