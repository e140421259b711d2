import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import { adminAuth } from './admin-auth'
import { inboxWriter } from '../../db/repositories/inbox'
import { rememberedWorkspaceTenants } from '../usecases/workspace-tenant'
import type { AppDeps, AppEnv, AppServices } from './deps'
import { limitBody } from './body-limit'
import { errorBody, onError } from './errors'
import { adminAudit } from './routes/admin-audit'
import { adminCalendar } from './routes/admin-calendar'
import { adminExports } from './routes/admin-exports'
import { adminAgreements } from './routes/admin-agreements'
import { adminImports } from './routes/admin-imports'
import { adminPolicySuccessors } from './routes/admin-policy-successors'
import { consoleWebhook } from './routes/console-webhook'
import { eligibilityApi } from './routes/eligibility'
import { feishuEvents } from './routes/feishu-events'
import { healthz } from './routes/healthz'
import { wecomCallback } from './routes/wecom-callback'

const MAX_BODY_BYTES = 1024 * 1024
const MAX_REQUEST_ID = 64
const MAX_ELIGIBILITY_BYTES = 64 * 1024

/** What the routes share; the Feishu long connection builds its own set beside the app's. */
export function createServices(deps: Pick<AppDeps, 'database' | 'clock'>): AppServices {
  return {
    storeInbound: inboxWriter(deps.database.db),
    workspaceTenant: rememberedWorkspaceTenants({ db: deps.database.db, clock: deps.clock }),
    startedAt: deps.clock.now(),
  }
}

/** Builds the HTTP app from injected dependencies; the Node server, the Worker and the tests all call this. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  const services = createServices(deps)
  // A client's X-Request-Id is kept only when it is a short token ([A-Za-z0-9_=-], at most 64): it is echoed and
  // logged, so anything else (markup, log-line forgery, a kilobyte of it) is replaced by a fresh UUID.
  app.use(requestId({ limitLength: MAX_REQUEST_ID }))
  app.use(async (c, next) => {
    c.set('deps', deps)
    c.set('services', services)
    await next()
  })
  app.use(limitBody(MAX_BODY_BYTES, 'request body is over 1 MiB'))
  // The public eligibility question is a profile and a few programme ids (under 2 KB): a body near the 1 MiB limit
  // is only there to make the server parse it, so it is refused unread.
  app.use('/api/eligibility', limitBody(MAX_ELIGIBILITY_BYTES, `request body is over ${MAX_ELIGIBILITY_BYTES / 1024} KiB`))
  app.onError(onError)
  app.notFound((c) => c.json(errorBody(c, 'not_found', 'no such route'), 404))
  // Everything under /api/admin answers only to the admin bearer token (503 while ADMIN_TOKEN is unset).
  app.use('/api/admin/*', adminAuth)
  app.route('/', adminImports)
  app.route('/', adminAgreements)
  app.route('/', adminExports)
  app.route('/', adminAudit)
  app.route('/', adminPolicySuccessors)
  app.route('/', adminCalendar)
  app.route('/', healthz)
  app.route('/', eligibilityApi)
  app.route('/', feishuEvents)
  app.route('/', wecomCallback)
  // The console lets a caller speak as any user, so it exists only when asked for.
  if (deps.config.console.enabled) app.route('/', consoleWebhook)
  return app
}
