import type { z } from 'zod'
import type { FeishuSettings } from './settings'
import { CardActionEvent } from './card-action'
import { decodeBody, type EventEnvelope } from './envelope'
import { MessageReceiveEvent, readMessage, type FeishuMessage } from './message'
import { safeEqual } from '../request-checks'
import { verifyFeishuSignature } from './verify'

export type Received =
  | { kind: 'rejected'; reason: string }
  | { kind: 'malformed'; reason: string }
  | { kind: 'challenge'; challenge: string }
  | { kind: 'ignored'; reason: string }
  | { kind: 'message'; envelope: EventEnvelope; event: MessageReceiveEvent; message: Exclude<FeishuMessage, { kind: 'ignored' }> }
  | { kind: 'cardAction'; envelope: EventEnvelope; event: CardActionEvent }
  /** Verified and ours, but not in a shape duikou reads: kept for an operator rather than dropped. */
  | { kind: 'unreadable'; envelope: EventEnvelope; reason: string }

/**
 * Everything Feishu's request must prove before duikou acts on it: the signature over the raw bytes and a fresh
 * timestamp (always: without an encrypt key nothing is accepted), decryption, and the verification token, compared in constant time.
 */
export function receiveFeishu(input: {
  rawBody: string
  headers: { timestamp?: string; nonce?: string; signature?: string }
  config: FeishuSettings
  now: Date
}): Received {
  const { config } = input
  if (!config.verificationToken) return { kind: 'rejected', reason: 'FEISHU_VERIFICATION_TOKEN is not set' }
  // parseConfig refuses Feishu without the key; this holds for settings built any other way too.
  if (!config.encryptKey) return { kind: 'rejected', reason: 'FEISHU_ENCRYPT_KEY is not set: unsigned requests are not accepted' }
  const verified = verifyFeishuSignature({ ...input.headers, rawBody: input.rawBody, encryptKey: config.encryptKey, now: input.now })
  if (!verified.ok) return { kind: 'rejected', reason: verified.reason }
  let body: unknown
  try {
    body = JSON.parse(input.rawBody)
  } catch {
    return { kind: 'malformed', reason: 'body is not JSON' }
  }
  const decoded = decodeBody(body, config.encryptKey)
  if (decoded.kind === 'invalid') return { kind: 'rejected', reason: decoded.message }
  const token = decoded.kind === 'challenge' ? decoded.token : decoded.envelope.header.token
  if (!safeEqual(token, config.verificationToken)) return { kind: 'rejected', reason: 'verification token mismatch' }
  if (decoded.kind === 'challenge') return { kind: 'challenge', challenge: decoded.challenge }

  return classifyEvent(decoded.envelope, config.botOpenId)
}

/** What a decoded, trusted event asks of duikou; the webhook and the long connection share it. */
export function classifyEvent(envelope: EventEnvelope, botOpenId: string | undefined): Received {
  if (envelope.header.event_type === 'card.action.trigger') {
    const event = CardActionEvent.safeParse(envelope.event)
    if (!event.success) return { kind: 'unreadable', envelope, reason: `card.action.trigger not understood: ${shapeProblem(event.error)}` }
    return { kind: 'cardAction', envelope, event: event.data }
  }
  if (envelope.header.event_type !== 'im.message.receive_v1') return { kind: 'ignored', reason: `event type ${envelope.header.event_type}` }
  const event = MessageReceiveEvent.safeParse(envelope.event)
  if (!event.success) return { kind: 'unreadable', envelope, reason: `im.message.receive_v1 not understood: ${shapeProblem(event.error)}` }
  const message = readMessage(event.data, botOpenId)
  if (message.kind === 'ignored') return { kind: 'ignored', reason: message.why }
  return { kind: 'message', envelope, event: event.data, message }
}

/** Which fields were not as expected, by path only: the values are people's messages. */
function shapeProblem(error: z.ZodError): string {
  return [...new Set(error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'event'} (${i.code})`))].join(', ')
}
