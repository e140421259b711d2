import { Hono } from 'hono'
import { ConsoleMessage, renderReply, toInbound } from '../../platforms/console/adapter'
import { handleMessage } from '../../usecases/handle-message'
import type { AppEnv } from '../deps'
import { errorBody, invalidRequest } from '../errors'

/** POST /webhooks/console: the local console's webhook. Mounted only when CONSOLE_ENABLED=true. */
export const consoleWebhook = new Hono<AppEnv>().post('/webhooks/console', async (c) => {
  const body = await c.req.json().catch(() => undefined)
  if (body === undefined) return c.json(errorBody(c, 'invalid_request', 'body must be JSON: {"user", "text", "messageId"}'), 400)
  const parsed = ConsoleMessage.safeParse(body)
  if (!parsed.success) return invalidRequest(c, parsed.error)
  const { database, clock, config } = c.get('deps')
  const reply = await handleMessage({ db: database.db, clock }, toInbound(parsed.data, config.console.tenantId))
  return c.json(renderReply(reply))
})
