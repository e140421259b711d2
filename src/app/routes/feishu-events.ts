import { Hono } from 'hono'
import { receiveFeishu } from '../../platforms/feishu/receive'
import { handleMessage } from '../../usecases/handle-message'
import { workspaceTenant } from '../../usecases/workspace-tenant'
import type { AppEnv } from '../deps'
import { errorBody } from '../errors'

/** POST /webhooks/feishu/events: answers within Feishu's 3 s; replies leave through the outbox afterwards. */
export const feishuEvents = new Hono<AppEnv>().post('/webhooks/feishu/events', async (c) => {
  const { config, clock, database, outbox } = c.get('deps')
  const received = receiveFeishu({
    rawBody: await c.req.text(),
    headers: {
      timestamp: c.req.header('x-lark-request-timestamp'),
      nonce: c.req.header('x-lark-request-nonce'),
      signature: c.req.header('x-lark-signature'),
    },
    config: config.feishu,
    now: clock.now(),
  })
  if (received.kind === 'rejected') return c.json(errorBody(c, 'unauthorized', received.reason), 401)
  if (received.kind === 'malformed') return c.json(errorBody(c, 'invalid_request', received.reason), 400)
  if (received.kind === 'challenge') return c.json({ challenge: received.challenge })
  if (received.kind === 'ignored' || received.message.kind !== 'text') return c.json({})

  const deps = { db: database.db, clock }
  const { envelope, event } = received
  const tenantId = await workspaceTenant(deps, 'feishu', envelope.header.tenant_key, config.feishu.defaultTenant)
  if (!tenantId) {
    console.warn(JSON.stringify({ level: 'warn', requestId: c.get('requestId'), message: 'Feishu workspace not registered', tenantKey: envelope.header.tenant_key }))
    return c.json({})
  }
  await handleMessage(deps, {
    platform: 'feishu',
    tenantId,
    eventId: `message:${event.message.message_id}`,
    alsoKnownAs: [`event:${envelope.header.event_id}`],
    senderExternalId: event.sender.sender_id.open_id,
    senderAliases: event.sender.sender_id.union_id ? [event.sender.sender_id.union_id] : [],
    text: received.message.text,
    replyTo: `chat_id:${event.message.chat_id}`,
  })
  outbox.kick()
  return c.json({})
})
