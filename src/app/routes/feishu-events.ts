import { type Context, Hono } from 'hono'
import { parkUnreadable } from '../../../db/repositories/inbox'
import { commandOfCardAction } from '../../platforms/feishu/card-action'
import { receiveFeishu } from '../../platforms/feishu/receive'
import { cardCallbackAnswer, incompleteFormAnswer } from '../../platforms/feishu/render'
import { handleMessage } from '../../usecases/handle-message'
import type { InboundMessage } from '../../domain/inbound'
import type { AppEnv } from '../deps'
import { errorBody } from '../errors'

/**
 * Feishu events and card callbacks (the card URL and the events URL accept both). A message is stored in the inbox
 * before the 200 and handled afterwards, its reply sent through the outbox; a card click is handled at once and
 * answered in the response, within Feishu's 3 s.
 */
async function feishuWebhook(c: Context<AppEnv>) {
  const { config, clock, database, outbox, inbox } = c.get('deps')
  const { storeInbound, workspaceTenant } = c.get('services')
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
  if (received.kind === 'ignored') return c.json({})

  const deps = { db: database.db, clock }
  const { envelope } = received
  const tenantId = await workspaceTenant('feishu', envelope.header.tenant_key, config.feishu.defaultTenant)
  if (!tenantId) {
    console.warn(JSON.stringify({ level: 'warn', requestId: c.get('requestId'), message: 'Feishu workspace not registered', tenantKey: envelope.header.tenant_key }))
    return received.kind === 'cardAction' ? c.json({ toast: { type: 'error', content: '本单位尚未开通对口支援助手' } }) : c.json({})
  }

  if (received.kind === 'unreadable') {
    // Answered 200 all the same: a 4xx makes Feishu send it again and again, and then drop it.
    const sender = JSON.stringify(envelope.event).match(/"open_id":"([^"]{1,100})"/)?.[1] ?? 'unknown'
    await parkUnreadable(database.db, { tenantId, platform: 'feishu', eventId: `event:${envelope.header.event_id}`, sender: `${tenantId}:${sender}`, message: { ...envelope, header: { ...envelope.header, token: '(removed)' } }, receivedAt: clock.now(), reason: received.reason })
    console.warn(JSON.stringify({ level: 'warn', requestId: c.get('requestId'), message: 'Feishu event parked: not understood', eventType: envelope.header.event_type, reason: received.reason }))
    return envelope.header.event_type === 'card.action.trigger' ? c.json({ toast: { type: 'error', content: '无法识别此操作，已记录，请联系系统管理员' } }) : c.json({})
  }

  if (received.kind === 'cardAction') {
    const { event } = received
    const command = commandOfCardAction(event)
    if (!command.ok) return c.json(incompleteFormAnswer(command.missing))
    const reply = await handleMessage(deps, {
      platform: 'feishu',
      tenantId,
      eventId: `event:${envelope.header.event_id}`,
      senderExternalId: event.operator.open_id,
      senderAliases: event.operator.union_id ? [event.operator.union_id] : [],
      text: command.command,
    })
    outbox.kick()
    return c.json(cardCallbackAnswer(reply))
  }

  const { event, message } = received
  const eventId = `message:${event.message.message_id}`
  const inbound: InboundMessage = {
    platform: 'feishu',
    tenantId,
    eventId,
    alsoKnownAs: [`event:${envelope.header.event_id}`],
    senderExternalId: event.sender.sender_id.open_id,
    senderAliases: event.sender.sender_id.union_id ? [event.sender.sender_id.union_id] : [],
    text: message.kind === 'text' ? message.text : '',
    location: message.kind === 'location' ? message : undefined,
    replyTo: `chat_id:${event.message.chat_id}`,
  }
  await storeInbound({ tenantId, platform: 'feishu', eventId, sender: `${tenantId}:${inbound.senderExternalId}`, message: inbound, receivedAt: clock.now() })
  inbox.kick()
  return c.json({})
}

/** POST /webhooks/feishu/events and POST /webhooks/feishu/cards. */
export const feishuEvents = new Hono<AppEnv>().post('/webhooks/feishu/events', feishuWebhook).post('/webhooks/feishu/cards', feishuWebhook)
