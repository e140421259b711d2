import { z } from 'zod'
import { PLATFORMS } from '../domain/platform'
import { parseCommand } from '../domain/command'
import { shanghaiDate, shanghaiTime } from '../time/shanghai'
import type { UseCaseDeps } from './deps'
import { queueReply } from './queue-reply'
import { unhandledReply } from './replies'

const QUOTE_CHARS = 20

/** What an apology needs of a stored message; the rest of it may be what could not be read. */
const Unhandled = z.object({
  platform: z.enum(PLATFORMS),
  tenantId: z.string(),
  eventId: z.string(),
  replyTo: z.string(),
  text: z.string().catch(''),
})

/**
 * Tells the sender of a message the inbox gave up on that it was not carried out. Queued under its own key, so the
 * reply of a later successful run (an operator re-queues the message) is still sent. Nothing for a message with no
 * chat to answer in.
 */
export async function reportUnhandled(deps: UseCaseDeps, stored: unknown, receivedAt: Date, retried = true): Promise<boolean> {
  const message = Unhandled.safeParse(stored)
  if (!message.success) return false
  const { platform, tenantId, eventId, replyTo, text } = message.data
  const quote = [...text.trim()].length > QUOTE_CHARS ? `${[...text.trim()].slice(0, QUOTE_CHARS).join('')}…` : text.trim()
  const at = `${shanghaiDate(receivedAt)} ${shanghaiTime(receivedAt)}`
  const reply = unhandledReply(parseCommand(text).lang, { quote, at, retried })
  await queueReply(deps.db, { tenantId, platform, recipient: replyTo, reply, key: `unhandled:${platform}:${eventId}` }, deps.clock.now())
  return true
}
