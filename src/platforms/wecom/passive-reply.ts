import { encrypt, getSignature } from '@wecom/crypto'
import type { Reply } from '../../domain/reply'
import type { WecomSettings } from './settings'
import { secretsOf } from './receive'
import type { WecomCallbackSecrets } from './verify'

const cdata = (s: string) => `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`

/**
 * The body answering a card click, within WeCom's 5 s. A decision that took effect greys the clicked button out as
 * "已批准" with a passive `update_button` reply, encrypted and signed like a callback (receive id = corp id). Chosen
 * over message/update_template_card because the answer then rides on the callback itself: no access token, no
 * single-use response_code (valid 72 h) to keep, no second request that can fail after the decision is stored; a
 * retried callback gets the stored reply and the same relabel. Anything else (not the approver, already decided,
 * not registered) is answered with an empty body, which WeCom takes as "no change": the card stays as it was.
 */
export function cardClickAnswer(input: {
  reply: Reply
  label: string
  clicker: string
  config: WecomSettings
  now: Date
  nonce?: string
}): string {
  const secrets = secretsOf(input.config)
  if (input.reply.tone !== 'success' || !secrets) return ''
  const createTime = String(Math.floor(input.now.getTime() / 1000))
  const plaintext =
    `<xml><ToUserName>${cdata(input.clicker)}</ToUserName><FromUserName>${cdata(secrets.corpId)}</FromUserName>` +
    `<CreateTime>${createTime}</CreateTime><MsgType>${cdata('update_button')}</MsgType>` +
    `<Button><ReplaceName>${cdata(`已${input.label}`)}</ReplaceName></Button></xml>`
  return sealPassiveReply(plaintext, secrets, createTime, input.nonce ?? String(crypto.getRandomValues(new Uint32Array(1))[0]))
}

/** A passive reply as WeCom wants it: `<Encrypt>` plus MsgSignature = sha1 of sorted token, timestamp, nonce, ciphertext. */
export function sealPassiveReply(plaintext: string, secrets: WecomCallbackSecrets, timestamp: string, nonce: string): string {
  const encrypted = encrypt(secrets.encodingAesKey, plaintext, secrets.corpId)
  const signature = getSignature(secrets.token, timestamp, nonce, encrypted)
  return `<xml><Encrypt>${cdata(encrypted)}</Encrypt><MsgSignature>${cdata(signature)}</MsgSignature><TimeStamp>${timestamp}</TimeStamp><Nonce>${cdata(nonce)}</Nonce></xml>`
}
