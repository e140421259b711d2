import { z } from 'zod'
import { feishuDecrypt } from './decrypt'
import { EventEnvelope, EventHeader } from './envelope'
import { classifyEvent, type Received } from './receive'
import type { FeishuSettings } from './settings'

// The app secret authenticated the connection itself; an event pushed over it needs no verification token.
const PushedEnvelope = EventEnvelope.extend({ header: EventHeader.extend({ token: z.string().default('') }) })
const Encrypted = z.object({ encrypt: z.string().min(1) })

/** An event pushed over the long connection, read like a webhook body once that would have been verified. */
export function readPushedEvent(data: unknown, settings: Pick<FeishuSettings, 'encryptKey' | 'botOpenId'>): Received {
  let payload = data
  const encrypted = Encrypted.safeParse(data)
  if (encrypted.success) {
    if (!settings.encryptKey) return { kind: 'rejected', reason: 'encrypted event but FEISHU_ENCRYPT_KEY is not set' }
    try {
      payload = JSON.parse(feishuDecrypt(settings.encryptKey, encrypted.data.encrypt))
    } catch {
      return { kind: 'rejected', reason: 'cannot decrypt the event with FEISHU_ENCRYPT_KEY' }
    }
  }
  const envelope = PushedEnvelope.safeParse(payload)
  if (!envelope.success) return { kind: 'malformed', reason: 'not a Feishu schema 2.0 event' }
  return classifyEvent(envelope.data, settings.botOpenId)
}
