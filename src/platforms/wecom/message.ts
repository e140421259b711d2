import type { InboundMessage } from '../../domain/inbound'
import type { WecomTextMessage } from './xml'

/**
 * A verified text message as the use-cases see it. The sender is the member's userid (the identity duikou
 * registers for WeCom); the reply goes back to the app group chat it came from, else to the member.
 */
export function wecomInbound(message: WecomTextMessage, tenantId: string): InboundMessage {
  return {
    platform: 'wecom',
    tenantId,
    eventId: `msg:${message.MsgId}`,
    senderExternalId: message.FromUserName,
    text: message.Content.trim(),
    replyTo: message.ChatId ? `chat:${message.ChatId}` : `user:${message.FromUserName}`,
  }
}
