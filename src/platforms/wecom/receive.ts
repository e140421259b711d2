import { z } from 'zod'
import type { WecomSettings } from './settings'
import { decodeButtonKey } from './card'
import { openWecom, type WecomCallbackSecrets } from './verify'
import { parseWecomXml, WecomAnyMessage, WecomCardClick, WecomEnvelope, WecomEvent, WecomFileMessage, WecomLocationMessage, WecomTextMessage } from './xml'

// Signature and nonce are short; anything longer is not WeCom.
const Proof = z.object({
  msg_signature: z.string().max(128).optional(),
  timestamp: z.string().max(32).optional(),
  nonce: z.string().max(128).optional(),
})

// A base64 ciphertext in a query string: WeCom URL-encodes it, but a '+' left raw decodes to a space, which
// base64 never contains, so turning spaces back into '+' accepts both spellings.
const EchoQuery = Proof.extend({ echostr: z.string().min(1).max(4096).transform((s) => s.replaceAll(' ', '+')) })

export type WecomVerification = { kind: 'rejected'; reason: string } | { kind: 'echo'; plaintext: string }

export type WecomReceived =
  | { kind: 'rejected'; reason: string }
  | { kind: 'malformed'; reason: string }
  | { kind: 'ignored'; reason: string }
  | { kind: 'text'; corpId: string; message: WecomTextMessage }
  | { kind: 'location'; corpId: string; message: WecomLocationMessage }
  | { kind: 'file'; corpId: string; message: WecomFileMessage }
  | { kind: 'cardClick'; corpId: string; click: WecomCardClick; button: { label: string; command: string } }
  | { kind: 'event'; corpId: string; eventId: string; event: WecomEvent }

/** The callback secrets when all three are configured. */
export function secretsOf(config: WecomSettings): WecomCallbackSecrets | null {
  const { token, encodingAesKey, corpId } = config
  return token && encodingAesKey && corpId ? { token, encodingAesKey, corpId } : null
}

/** GET /webhooks/wecom: WeCom checks the callback URL by asking us to decrypt `echostr` and answer its plaintext. */
export function receiveWecomVerification(input: { query: Record<string, string>; config: WecomSettings; now: Date }): WecomVerification {
  const secrets = secretsOf(input.config)
  if (!secrets) return { kind: 'rejected', reason: 'WECOM_TOKEN, WECOM_ENCODING_AES_KEY or WECOM_CORP_ID is not set' }
  const query = EchoQuery.safeParse(input.query)
  if (!query.success) return { kind: 'rejected', reason: 'missing or oversized msg_signature, timestamp, nonce or echostr' }
  const { msg_signature: signature, timestamp, nonce, echostr } = query.data
  const opened = openWecom({ signature, timestamp, nonce, encrypted: echostr, secrets, now: input.now })
  return opened.ok ? { kind: 'echo', plaintext: opened.plaintext } : { kind: 'rejected', reason: opened.reason }
}

/**
 * POST /webhooks/wecom: the signature over `<Encrypt>`, a fresh timestamp, decryption and the corp id, then the
 * inner XML. A request that fails a check is rejected; one that passes but does not parse is malformed.
 */
export function receiveWecom(input: { rawBody: string; query: Record<string, string>; config: WecomSettings; now: Date }): WecomReceived {
  const secrets = secretsOf(input.config)
  if (!secrets) return { kind: 'rejected', reason: 'WECOM_TOKEN, WECOM_ENCODING_AES_KEY or WECOM_CORP_ID is not set' }
  const query = Proof.safeParse(input.query)
  if (!query.success) return { kind: 'rejected', reason: 'oversized msg_signature, timestamp or nonce' }
  const outer = WecomEnvelope.safeParse(parseWecomXml(input.rawBody))
  if (!outer.success) return { kind: 'malformed', reason: 'body is not WeCom XML with <Encrypt>' }
  const { msg_signature: signature, timestamp, nonce } = query.data
  const opened = openWecom({ signature, timestamp, nonce, encrypted: outer.data.Encrypt, secrets, now: input.now })
  if (!opened.ok) return { kind: 'rejected', reason: opened.reason }

  const inner = parseWecomXml(opened.plaintext)
  const any = WecomAnyMessage.safeParse(inner)
  if (!any.success) return { kind: 'malformed', reason: 'decrypted message is not XML with MsgType' }
  if (any.data.MsgType === 'text') {
    const text = WecomTextMessage.safeParse(inner)
    if (!text.success) return { kind: 'malformed', reason: 'text message without FromUserName, CreateTime, Content or MsgId' }
    return { kind: 'text', corpId: opened.corpId, message: text.data }
  }
  if (any.data.MsgType === 'location') {
    const location = WecomLocationMessage.safeParse(inner)
    if (!location.success) return { kind: 'malformed', reason: 'location message without FromUserName, MsgId or valid Location_X/Location_Y' }
    return { kind: 'location', corpId: opened.corpId, message: location.data }
  }
  if (any.data.MsgType === 'file') {
    const file = WecomFileMessage.safeParse(inner)
    if (!file.success) return { kind: 'malformed', reason: 'file message without FromUserName, MediaId or MsgId' }
    return { kind: 'file', corpId: opened.corpId, message: file.data }
  }
  if (any.data.MsgType === 'event' && (inner as { Event?: unknown }).Event === 'template_card_event') {
    const click = WecomCardClick.safeParse(inner)
    if (!click.success) return { kind: 'malformed', reason: 'template_card_event without FromUserName, EventKey or TaskId' }
    const button = decodeButtonKey(click.data.EventKey)
    // A card from another app version or a hand-made key: nothing to run, and WeCom is told all is well.
    if (!button) return { kind: 'ignored', reason: 'card button key duikou did not write' }
    return { kind: 'cardClick', corpId: opened.corpId, click: click.data, button }
  }
  if (any.data.MsgType === 'event') {
    const event = WecomEvent.safeParse(inner)
    if (!event.success) return { kind: 'malformed', reason: 'event without FromUserName, CreateTime or Event' }
    return { kind: 'event', corpId: opened.corpId, eventId: wecomEventId(event.data), event: event.data }
  }
  return { kind: 'ignored', reason: `message type ${any.data.MsgType}` }
}

/** Events carry no id: WeCom's retries of one event repeat its sender, time, type and key, so those name it. */
export function wecomEventId(event: Pick<WecomEvent, 'FromUserName' | 'CreateTime' | 'Event' | 'EventKey'>): string {
  return ['event', event.FromUserName, event.CreateTime, event.Event, ...(event.EventKey ? [event.EventKey] : [])].join(':')
}
