import { Hono } from 'hono'
import { ConsoleMessage, renderReply, toInbound } from '../../platforms/console/adapter'
import { consoleInbox } from '../../usecases/console-inbox'
import { handleMessage } from '../../usecases/handle-message'
import type { AppEnv } from '../deps'
import { errorBody, invalidRequest } from '../errors'

/**
 * POST /webhooks/console: the local console's webhook → `{ reply, notices }`; notices are what others' actions
 * queued for this user. Mounted only when CONSOLE_ENABLED=true.
 */
export const consoleWebhook = new Hono<AppEnv>().post('/webhooks/console', async (c) => {
  const body = await c.req.json().catch(() => undefined)
  if (body === undefined) return c.json(errorBody(c, 'invalid_request', 'body must be JSON: {"user", "text", "messageId"}'), 400)
  const parsed = ConsoleMessage.safeParse(body)
  if (!parsed.success) return invalidRequest(c, parsed.error)
  const { database, clock, config } = c.get('deps')
  const deps = { db: database.db, clock }
  const tenantId = config.console.tenantId
  // An empty line only asks for the notices that arrived meanwhile.
  const reply = parsed.data.text.trim() ? await handleMessage(deps, toInbound(parsed.data, tenantId)) : null
  const notices = await consoleInbox(deps, { tenantId, handle: parsed.data.user })
  return c.json(renderReply(reply, notices))
})
