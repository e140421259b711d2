import { z } from 'zod'
import { feishuDecrypt } from './decrypt'

const Encrypted = z.object({ encrypt: z.string().min(1) })

export const UrlVerification = z.object({
  type: z.literal('url_verification'),
  challenge: z.string(),
  token: z.string(),
})

export const EventHeader = z.object({
  event_id: z.string().min(1),
  event_type: z.string().min(1),
  token: z.string(),
  create_time: z.string().optional(),
  tenant_key: z.string().optional(),
  app_id: z.string().optional(),
})

export const EventEnvelope = z.object({
  schema: z.literal('2.0'),
  header: EventHeader,
  event: z.record(z.string(), z.unknown()),
})
export type EventEnvelope = z.infer<typeof EventEnvelope>

export type Decoded =
  | { kind: 'challenge'; challenge: string; token: string }
  | { kind: 'event'; envelope: EventEnvelope }
  | { kind: 'invalid'; message: string }

const NULL_DEPTH = 12

/**
 * The payload without its `null` members: Feishu sends `null` for optional fields it has no value for (a sender
 * without union_id, a message without mentions), and an optional field read as absent is what the parsers expect.
 * Deeper than any event nests, values are left as they are.
 */
export function withoutNulls(value: unknown, depth = 0): unknown {
  if (depth > NULL_DEPTH || value === null || typeof value !== 'object') return value
  // Loops, not entries/filter/map: this runs on every webhook, and the intermediate arrays were its cost.
  if (Array.isArray(value)) {
    const kept: unknown[] = []
    for (const item of value) if (item !== null) kept.push(withoutNulls(item, depth + 1))
    return kept
  }
  const kept: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key]
    if (member === null) continue
    // An own "__proto__" from JSON stays a plain member, as Object.fromEntries kept it, and never becomes the prototype.
    if (key === '__proto__') Object.defineProperty(kept, key, { value: withoutNulls(member, depth + 1), enumerable: true, writable: true, configurable: true })
    else kept[key] = withoutNulls(member, depth + 1)
  }
  return kept
}

/** Decrypts (AES-256-CBC, see decrypt.ts) when the body is `{ encrypt }`, then tells a challenge from an event. */
export function decodeBody(body: unknown, encryptKey: string | undefined): Decoded {
  let payload = body
  const encrypted = Encrypted.safeParse(body)
  if (encrypted.success) {
    if (!encryptKey) return { kind: 'invalid', message: 'encrypted body but FEISHU_ENCRYPT_KEY is not set' }
    try {
      payload = JSON.parse(feishuDecrypt(encryptKey, encrypted.data.encrypt))
    } catch {
      return { kind: 'invalid', message: 'cannot decrypt the body with FEISHU_ENCRYPT_KEY' }
    }
  }
  payload = withoutNulls(payload)
  const challenge = UrlVerification.safeParse(payload)
  if (challenge.success) return { kind: 'challenge', challenge: challenge.data.challenge, token: challenge.data.token }
  const envelope = EventEnvelope.safeParse(payload)
  if (envelope.success) return { kind: 'event', envelope: envelope.data }
  return { kind: 'invalid', message: 'not a Feishu schema 2.0 event or url_verification' }
}
