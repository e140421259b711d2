import { createHash } from 'node:crypto'
import { MAX_CLOCK_SKEW_SECONDS, safeEqual } from '../request-checks'

/** Feishu signs `timestamp + nonce + encryptKey + raw body` with SHA-256 and sends the hex digest. */
export function feishuSignature(timestamp: string, nonce: string, encryptKey: string, rawBody: string): string {
  return createHash('sha256').update(timestamp + nonce + encryptKey + rawBody, 'utf8').digest('hex')
}

export type VerifyResult = { ok: true } | { ok: false; reason: string }

/**
 * Checks the signature over the raw bytes as received (the SDK re-serialises JSON, which breaks on any whitespace
 * difference) and rejects requests more than five minutes old or early, so a captured request cannot be replayed.
 */
export function verifyFeishuSignature(input: {
  timestamp?: string
  nonce?: string
  signature?: string
  rawBody: string
  encryptKey: string
  now: Date
}): VerifyResult {
  const { timestamp, nonce, signature } = input
  if (!timestamp || !nonce || !signature) return { ok: false, reason: 'missing X-Lark-Request-Timestamp, -Nonce or -Signature' }
  const seconds = Number(timestamp)
  if (!Number.isFinite(seconds)) return { ok: false, reason: 'timestamp is not a number' }
  if (Math.abs(input.now.getTime() / 1000 - seconds) > MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'timestamp is more than 5 minutes off' }
  const expected = feishuSignature(timestamp, nonce, input.encryptKey, input.rawBody)
  return safeEqual(expected, signature.toLowerCase()) ? { ok: true } : { ok: false, reason: 'signature mismatch' }
}
