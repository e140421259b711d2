import type { Db } from '../../db/client'
import { enqueueAll, type OutboxMessage } from '../../db/repositories/outbox'
import type { Platform } from '../domain/platform'
import type { Reply } from '../domain/reply'
import { replyParts } from '../domain/reply-parts'

/**
 * Queues a reply or notice in the caller's transaction, as one outbox row per message the platform shows whole (see
 * replyParts): each part is sent, retried and deduplicated on its own, and the recipient reads them in order.
 */
export async function queueReply(db: Db, message: ReplyToQueue, at: Date): Promise<void> {
  await enqueueAll(db, replyMessages(message), at)
}

interface ReplyToQueue {
  tenantId: string
  platform: Platform
  recipient: string
  reply: Reply
  key: string
}

/** The outbox rows of a reply, in the order they are read. */
export function replyMessages(message: ReplyToQueue): OutboxMessage[] {
  return replyParts(message.platform, message.reply).map((reply, i) => ({
    tenantId: message.tenantId,
    platform: message.platform,
    recipient: message.recipient,
    message: { reply },
    idempotencyKey: i === 0 ? message.key : `${message.key}:part${i + 1}`,
  }))
}
