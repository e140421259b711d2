import { parkUnreadable } from '../../db/repositories/inbox'
import type { InboundMessage } from '../domain/inbound'
import { commandOfCardAction } from '../platforms/feishu/card-action'
import type { Received } from '../platforms/feishu/receive'
import { cardCallbackAnswer, incompleteFormAnswer } from '../platforms/feishu/render'
import { handleMessage } from '../usecases/handle-message'
import type { AppDeps, AppServices } from './deps'

export type AcceptedFeishu = Extract<Received, { kind: 'message' | 'cardAction' | 'unreadable' }>

/**
 * What duikou does with a trusted Feishu event, however it arrived (webhook or long connection): a message is stored
 * in the inbox (its reply goes through the outbox) and the promise settles only once it is stored, so the caller
 * acknowledges nothing that could be lost; a card click is handled at once and the answer (toast and card) returned.
 */
export async function acceptFeishu(deps: Pick<AppDeps, 'config' | 'clock' | 'database' | 'outbox' | 'inbox'>, services: AppServices, received: AcceptedFeishu, requestId?: string): Promise<object> {
  const { config, clock, database, outbox, inbox } = deps
  const { envelope } = received
  const tenantId = await services.workspaceTenant('feishu', envelope.header.tenant_key, config.feishu.defaultTenant)
  if (!tenantId) {
    console.warn(JSON.stringify({ level: 'warn', requestId, message: 'Feishu workspace not registered', tenantKey: envelope.header.tenant_key }))
    return received.kind === 'cardAction' ? { toast: { type: 'error', content: '本单位尚未开通对口支援助手' } } : {}
  }

  if (received.kind === 'unreadable') {
    // Answered all the same: a refusal makes Feishu send it again and again, and then drop it.
    const sender = JSON.stringify(envelope.event).match(/"open_id":"([^"]{1,100})"/)?.[1] ?? 'unknown'
    await parkUnreadable(database.db, { tenantId, platform: 'feishu', eventId: `event:${envelope.header.event_id}`, sender: `${tenantId}:${sender}`, message: { ...envelope, header: { ...envelope.header, token: '(removed)' } }, receivedAt: clock.now(), reason: received.reason })
    console.warn(JSON.stringify({ level: 'warn', requestId, message: 'Feishu event parked: not understood', eventType: envelope.header.event_type, reason: received.reason }))
    return envelope.header.event_type === 'card.action.trigger' ? { toast: { type: 'error', content: '无法识别此操作，已记录，请联系系统管理员' } } : {}
  }

  if (received.kind === 'cardAction') {
    const { event } = received
    const command = commandOfCardAction(event)
    if (!command.ok) return incompleteFormAnswer(command.missing)
    const reply = await handleMessage(
      { db: database.db, clock },
      {
        platform: 'feishu',
        tenantId,
        eventId: `event:${envelope.header.event_id}`,
        senderExternalId: event.operator.open_id,
        senderAliases: event.operator.union_id ? [event.operator.union_id] : [],
        text: command.command,
      },
    )
    outbox.kick()
    return cardCallbackAnswer(reply)
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
    file: message.kind === 'file' ? { key: message.fileKey, name: message.fileName, messageId: event.message.message_id } : undefined,
    replyTo: `chat_id:${event.message.chat_id}`,
  }
  await services.storeInbound({ tenantId, platform: 'feishu', eventId, sender: `${tenantId}:${inbound.senderExternalId}`, message: inbound, receivedAt: clock.now() })
  inbox.kick()
  return {}
}
