import type { Db } from '../../db/client'
import { enqueue } from '../../db/repositories/outbox'
import type { Platform } from '../domain/platform'
import type { Reply } from '../domain/reply'
import { replyParts } from '../domain/reply-parts'

/**
 * Queues a reply or notice in the caller's transaction, as one outbox row per message the platform shows whole (see
 * replyParts): each part is sent, retried and deduplicated on its own, and the recipient reads them in order.
 */
export async function queueReply(
  db: Db,
  message: { tenantId: string; platform: Platform; recipient: string; reply: Reply; key: string },
  at: Date,
): Promise<void> {
  const parts = replyParts(message.platform, message.reply)
  for (const [i, reply] of parts.entries()) {
    const idempotencyKey = i === 0 ? message.key : `${message.key}:part${i + 1}`
    await enqueue(db, { tenantId: message.tenantId, platform: message.platform, recipient: message.recipient, message: { reply }, idempotencyKey }, at)
  }
}
