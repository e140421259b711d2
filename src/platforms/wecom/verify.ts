import { decrypt, getSignature } from '@wecom/crypto'
import { MAX_CLOCK_SKEW_SECONDS, safeEqual } from '../request-checks'

/** What a deployment needs to accept WeCom callbacks: the app's Token, EncodingAESKey and the corp id. */
export interface WecomCallbackSecrets {
  token: string
  encodingAesKey: string
  corpId: string
}

export type Opened = { ok: true; plaintext: string; corpId: string } | { ok: false; reason: string }

/**
 * Proves a callback came from WeCom and opens it: a fresh timestamp, `msg_signature` = sha1 of the sorted
 * token, timestamp, nonce and ciphertext (compared in constant time), then AES-256-CBC with WeCom's 32-byte
 * PKCS#7 padding. The receive id inside the plaintext must be our corp id: @wecom/crypto does not check it, and
 * without the check a message encrypted for another corp with a leaked key would pass.
 */
export function openWecom(input: {
  signature?: string
  timestamp?: string
  nonce?: string
  encrypted: string
  secrets: WecomCallbackSecrets
  now: Date
}): Opened {
  const { signature, timestamp, nonce, encrypted, secrets } = input
  if (!signature || !timestamp || !nonce) return { ok: false, reason: 'missing msg_signature, timestamp or nonce' }
  if (!/^\d+$/.test(timestamp)) return { ok: false, reason: 'timestamp is not a number' }
  if (Math.abs(input.now.getTime() / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'timestamp is more than 5 minutes off' }
  const expected = getSignature(secrets.token, timestamp, nonce, encrypted)
  if (!safeEqual(expected, signature.toLowerCase())) return { ok: false, reason: 'signature mismatch' }
  let opened: { message: string; id: string }
  try {
    opened = decrypt(secrets.encodingAesKey, encrypted)
  } catch {
    return { ok: false, reason: 'cannot decrypt with WECOM_ENCODING_AES_KEY' }
  }
  if (opened.id !== secrets.corpId) return { ok: false, reason: 'the message is addressed to another corp id' }
  return { ok: true, plaintext: opened.message, corpId: opened.id }
}
