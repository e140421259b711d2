import { Hono } from 'hono'
import { z } from 'zod'
import { continuePolicy } from '../../usecases/policy/continue-policy'
import { endSuccessor } from '../../usecases/policy/end-successor'
import { listSuccessors } from '../../usecases/policy/list-successors'
import type { AppEnv } from '../deps'
import { errorBody, invalidRequest } from '../errors'
import { adminTenant, forbiddenTenant } from '../admin-auth'

const DryRun = z.enum(['true', 'false'], { message: 'dryRun must be "true" or "false"' }).default('false').transform((v) => v === 'true')
const PostQuery = z.object({ dryRun: DryRun, tenant: z.string().min(1).optional() })
const TenantQuery = z.object({ tenant: z.string().min(1).optional() })
const EndBody = z.object({ on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'on must be YYYY-MM-DD') })

/**
 * 政策延续 (design §12), behind `adminAuth`: POST /api/admin/policy-successors[?dryRun=true][&tenant=…] enters one
 * (JSON body `{ policy, document, title, issuedOn, from, until, clause, quote, programmes?, overrides? }`; 422 with the
 * problems when it does not fit, nothing written); GET lists them; POST …/:id/end `{ on }` ends one (the CLI's
 * `policy end`).
 */
export const adminPolicySuccessors = new Hono<AppEnv>()
  .post('/api/admin/policy-successors', async (c) => {
    const query = PostQuery.safeParse(c.req.query())
    if (!query.success) return invalidRequest(c, query.error)
    const body = await c.req.json().catch(() => undefined)
    if (body === undefined) return c.json(errorBody(c, 'invalid_request', 'body must be JSON'), 400)
    const { database, clock } = c.get('deps')
    const tenantId = adminTenant(c, query.data.tenant)
    if (tenantId === null) return forbiddenTenant(c, query.data.tenant)
    const result = await continuePolicy({ db: database.db, clock }, { tenantId, body, dryRun: query.data.dryRun, actor: { personId: null, label: c.get('adminActor') } })
    if (result.outcome === 'unknownTenant') return c.json(errorBody(c, 'unknown_tenant', `no tenant "${tenantId}"`), 404)
    if (result.outcome === 'rejected') return c.json({ ...errorBody(c, 'invalid_successor', result.problems.join('；')), problems: result.problems }, 422)
    return c.json({ dryRun: result.dryRun, successor: result.successor }, result.dryRun ? 200 : 201)
  })
  .get('/api/admin/policy-successors', async (c) => {
    const query = TenantQuery.safeParse(c.req.query())
    if (!query.success) return invalidRequest(c, query.error)
    const { database } = c.get('deps')
    const tenantId = adminTenant(c, query.data.tenant)
    if (tenantId === null) return forbiddenTenant(c, query.data.tenant)
    const result = await listSuccessors(database.db, tenantId)
    if (!result) return c.json(errorBody(c, 'unknown_tenant', `no tenant "${tenantId}"`), 404)
    return c.json(result)
  })
  .post('/api/admin/policy-successors/:id/end', async (c) => {
    const id = z.uuid({ message: 'the successor id must be a UUID' }).safeParse(c.req.param('id'))
    if (!id.success) return invalidRequest(c, id.error)
    const query = TenantQuery.safeParse(c.req.query())
    if (!query.success) return invalidRequest(c, query.error)
    const body = EndBody.safeParse(await c.req.json().catch(() => undefined))
    if (!body.success) return invalidRequest(c, body.error)
    const { database, clock } = c.get('deps')
    const tenantId = adminTenant(c, query.data.tenant)
    if (tenantId === null) return forbiddenTenant(c, query.data.tenant)
    const result = await endSuccessor({ db: database.db, clock }, { tenantId, id: id.data, on: body.data.on, actor: { personId: null, label: c.get('adminActor') } })
    if (result.outcome === 'notFound') return c.json(errorBody(c, 'not_found', `no successor ${id.data}`), 404)
    if (result.outcome === 'rejected') return c.json({ ...errorBody(c, 'invalid_successor', result.problems.join('；')), problems: result.problems }, 422)
    return c.json({ successor: result.successor })
  })
