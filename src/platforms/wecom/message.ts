import type { InboundMessage } from '../../domain/inbound'
import type { WecomReceived } from './receive'
import type { WecomCardClick, WecomFileMessage, WecomLocationMessage, WecomTextMessage } from './xml'

const replyTo = (m: { ChatId?: string; FromUserName: string }) => (m.ChatId ? `chat:${m.ChatId}` : `user:${m.FromUserName}`)

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
    replyTo: replyTo(message),
  }
}

/** A shared location: proof for 签到 within the window, as on Feishu; the place's label is its name. */
export function wecomLocationInbound(message: WecomLocationMessage, tenantId: string): InboundMessage {
  return {
    platform: 'wecom',
    tenantId,
    eventId: `msg:${message.MsgId}`,
    senderExternalId: message.FromUserName,
    text: '',
    location: { latitude: message.Location_X, longitude: message.Location_Y, name: message.Label ?? '' },
    replyTo: replyTo(message),
  }
}

/** A file sent to the app (an office's roster), fetched through media/get when the message is handled. */
export function wecomFileInbound(message: WecomFileMessage, tenantId: string): InboundMessage {
  return {
    platform: 'wecom',
    tenantId,
    eventId: `msg:${message.MsgId}`,
    senderExternalId: message.FromUserName,
    text: '',
    file: { key: message.MediaId, name: message.FileName ?? message.Title ?? 'upload', size: message.FileSize === undefined ? undefined : Number(message.FileSize) },
    replyTo: replyTo(message),
  }
}

/**
 * A card button click as the command on the button, sent by the member who clicked. WeCom retries a callback it
 * got no answer to with the same TaskId, clicker and key, so those name the click and a retry is answered from the
 * stored reply. The answer also goes to the clicker as a message: a passive reply can only relabel the button,
 * so a refusal ("您不是单号 #12 的审批人") and a confirmation are read there, WeCom's stand-in for Feishu's toast.
 */
export function wecomCardClickInbound(click: WecomCardClick, command: string, tenantId: string): InboundMessage {
  return {
    platform: 'wecom',
    tenantId,
    eventId: `card:${click.TaskId}:${click.FromUserName}:${click.EventKey}`,
    senderExternalId: click.FromUserName,
    text: command,
    replyTo: `user:${click.FromUserName}`,
  }
}

/** The message a received text, location, file or card click stands for. */
export function inboundOf(received: Extract<WecomReceived, { kind: 'text' | 'location' | 'file' | 'cardClick' }>, tenantId: string): InboundMessage {
  if (received.kind === 'text') return wecomInbound(received.message, tenantId)
  if (received.kind === 'file') return wecomFileInbound(received.message, tenantId)
  if (received.kind === 'location') return wecomLocationInbound(received.message, tenantId)
  return wecomCardClickInbound(received.click, received.button.command, tenantId)
}
