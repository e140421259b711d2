import { z } from 'zod'
import type { InboundMessage } from '../../domain/inbound'
import type { Reply } from '../../domain/reply'

/** The local console speaks a plain JSON dialect of the same Command/Reply model Feishu and WeCom use. */
export const ConsoleMessage = z.object({
  user: z.string().trim().min(1, 'user is required: the console handle to speak as').max(64),
  text: z.string().max(2000, 'text is longer than 2000 characters'),
  messageId: z.string().trim().min(1, 'messageId is required: it makes a resend harmless').max(128),
})
export type ConsoleMessage = z.infer<typeof ConsoleMessage>

export function toInbound(message: ConsoleMessage, tenantId: string): InboundMessage {
  return { platform: 'console', tenantId, eventId: message.messageId, senderExternalId: message.user, text: message.text }
}

export function renderReply(reply: Reply | null, notices: Reply[] = []) {
  return { reply, notices }
}
