import { randomBytes, randomInt } from 'node:crypto'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { decrypt, encrypt, getSignature } from '@wecom/crypto'
import { XMLParser } from 'fast-xml-parser'
import { Hono } from 'hono'
import { DEMO_WECOM_CORP_ID } from '../../src/demo/seed'

export const WECOM_ENV = {
  WECOM_CORP_ID: DEMO_WECOM_CORP_ID,
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'test-wecom-secret',
  WECOM_TOKEN: 'testWecomToken',
  // 32 random bytes as WeCom shows them: base64 without the trailing '='.
  WECOM_ENCODING_AES_KEY: randomBytes(32).toString('base64').slice(0, 43),
}

/** WeCom's published sample (the WXBizMsgCrypt samples in every language ship the same values). */
export const WECOM_SAMPLE = {
  token: 'QDG6eK',
  corpId: 'wx5823bf96d3bd56c7',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  verify: {
    msgSignature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
    timestamp: '1409659589',
    nonce: '263014780',
    echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
    plaintext: '1616140317555161061',
  },
  message: {
    msgSignature: '477715d11cdb4164915debcba66cb864d751f3e6',
    timestamp: '1409659813',
    nonce: '1372623149',
    body:
      '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==]]></Encrypt>\n<AgentID><![CDATA[218]]></AgentID>\n</xml>',
    // What the body decrypts to: a text "hello" from the member "mycreate".
    msgId: '4561255354251345929',
  },
}

export const SAMPLE_ENV = {
  WECOM_CORP_ID: WECOM_SAMPLE.corpId,
  WECOM_TOKEN: WECOM_SAMPLE.token,
  WECOM_ENCODING_AES_KEY: WECOM_SAMPLE.encodingAesKey,
}

export interface Sealing {
  now?: Date
  token?: string
  aesKey?: string
  /** The receive id sealed inside the ciphertext; WeCom puts the corp id there. */
  corpId?: string
  tamper?: (query: Record<string, string>) => void
}

/** Encrypts and signs like WeCom; returns the query WeCom would put on the callback URL. */
export function seal(plaintext: string, options: Sealing = {}) {
  const encrypted = encrypt(options.aesKey ?? WECOM_ENV.WECOM_ENCODING_AES_KEY, plaintext, options.corpId ?? WECOM_ENV.WECOM_CORP_ID)
  const timestamp = String(Math.floor((options.now ?? new Date()).getTime() / 1000))
  const nonce = String(randomInt(1e9))
  const query: Record<string, string> = { msg_signature: getSignature(options.token ?? WECOM_ENV.WECOM_TOKEN, timestamp, nonce, encrypted), timestamp, nonce }
  options.tamper?.(query)
  return { encrypted, query }
}

/** The POST WeCom sends for one message: `<xml><ToUserName/><Encrypt/><AgentID/></xml>`, signed over Encrypt. */
export function wecomPost(innerXml: string, options: Sealing & { rawBody?: string } = {}): [string, RequestInit] {
  const { encrypted, query } = seal(innerXml, options)
  const body =
    options.rawBody ??
    `<xml><ToUserName><![CDATA[${options.corpId ?? WECOM_ENV.WECOM_CORP_ID}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt><AgentID><![CDATA[${WECOM_ENV.WECOM_AGENT_ID}]]></AgentID></xml>`
  return [`/webhooks/wecom?${new URLSearchParams(query)}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body }]
}

let lastMsgId = 7_000_000_000_000_000_000n
/** A member's text message as WeCom's plaintext XML; MsgId is a 64-bit integer like WeCom's. */
export function textXml(input: { userId: string; text: string; msgId?: string; chatId?: string; at?: Date }) {
  const msgId = input.msgId ?? String(++lastMsgId)
  const createTime = Math.floor((input.at ?? new Date()).getTime() / 1000)
  const xml =
    `<xml><ToUserName><![CDATA[${WECOM_ENV.WECOM_CORP_ID}]]></ToUserName><FromUserName><![CDATA[${input.userId}]]></FromUserName>` +
    `<CreateTime>${createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${input.text}]]></Content>` +
    `<MsgId>${msgId}</MsgId><AgentID>${WECOM_ENV.WECOM_AGENT_ID}</AgentID>${input.chatId ? `<ChatId><![CDATA[${input.chatId}]]></ChatId>` : ''}</xml>`
  return { xml, msgId }
}

export function eventXml(input: { userId: string; event: string; eventKey?: string; at?: Date }) {
  return (
    `<xml><ToUserName><![CDATA[${WECOM_ENV.WECOM_CORP_ID}]]></ToUserName><FromUserName><![CDATA[${input.userId}]]></FromUserName>` +
    `<CreateTime>${Math.floor((input.at ?? new Date()).getTime() / 1000)}</CreateTime><MsgType><![CDATA[event]]></MsgType>` +
    `<Event><![CDATA[${input.event}]]></Event><EventKey><![CDATA[${input.eventKey ?? ''}]]></EventKey><AgentID>${WECOM_ENV.WECOM_AGENT_ID}</AgentID></xml>`
  )
}

/** A location a member shares, as WeCom's plaintext XML (Location_X latitude, Location_Y longitude). */
export function locationXml(input: { userId: string; latitude: number; longitude: number; label?: string; msgId?: string; at?: Date }) {
  const msgId = input.msgId ?? String(++lastMsgId)
  const xml =
    `<xml><ToUserName><![CDATA[${WECOM_ENV.WECOM_CORP_ID}]]></ToUserName><FromUserName><![CDATA[${input.userId}]]></FromUserName>` +
    `<CreateTime>${Math.floor((input.at ?? new Date()).getTime() / 1000)}</CreateTime><MsgType><![CDATA[location]]></MsgType>` +
    `<Location_X>${input.latitude}</Location_X><Location_Y>${input.longitude}</Location_Y><Scale>15</Scale>` +
    `<Label><![CDATA[${input.label ?? '河南省某县某路'}]]></Label><MsgId>${msgId}</MsgId><AgentID>${WECOM_ENV.WECOM_AGENT_ID}</AgentID></xml>`
  return { xml, msgId }
}

/** A file a member sent to the app, as the callback carries it. */
export function fileXml(input: { userId: string; mediaId: string; fileName: string; fileSize?: number; msgId?: string; at?: Date }) {
  const msgId = input.msgId ?? String(Math.floor(Math.random() * 1e15))
  const at = Math.floor((input.at ?? new Date()).getTime() / 1000)
  const size = input.fileSize === undefined ? '' : `<FileSize>${input.fileSize}</FileSize>`
  const xml =
    `<xml><ToUserName><![CDATA[${WECOM_ENV.WECOM_CORP_ID}]]></ToUserName><FromUserName><![CDATA[${input.userId}]]></FromUserName><CreateTime>${at}</CreateTime>` +
    `<MsgType><![CDATA[file]]></MsgType><MediaId><![CDATA[${input.mediaId}]]></MediaId><FileName><![CDATA[${input.fileName}]]></FileName>${size}` +
    `<MsgId>${msgId}</MsgId><AgentID>${WECOM_ENV.WECOM_AGENT_ID}</AgentID></xml>`
  return { xml, msgId }
}

/** A click on a template card button, as WeCom's plaintext XML for `template_card_event`. */
export function cardClickXml(input: { userId: string; taskId: string; eventKey: string; at?: Date; cardType?: string }) {
  return (
    `<xml><ToUserName><![CDATA[${WECOM_ENV.WECOM_CORP_ID}]]></ToUserName><FromUserName><![CDATA[${input.userId}]]></FromUserName>` +
    `<CreateTime>${Math.floor((input.at ?? new Date()).getTime() / 1000)}</CreateTime><MsgType><![CDATA[event]]></MsgType>` +
    `<Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[${input.eventKey}]]></EventKey><TaskId><![CDATA[${input.taskId}]]></TaskId>` +
    `<CardType><![CDATA[${input.cardType ?? 'button_interaction'}]]></CardType><ResponseCode><![CDATA[rc-${input.taskId}]]></ResponseCode>` +
    `<AgentID>${WECOM_ENV.WECOM_AGENT_ID}</AgentID></xml>`
  )
}

/**
 * Opens a passive reply like WeCom does: the signature over the sorted token, TimeStamp, Nonce and Encrypt, then
 * decryption with the app's key and the corp id as receive id. Throws when any of it does not hold.
 */
export function openPassiveReply(body: string): Record<string, any> {
  const parser = new XMLParser({ parseTagValue: false })
  const outer = parser.parse(body).xml as { Encrypt: string; MsgSignature: string; TimeStamp: string; Nonce: string }
  if (getSignature(WECOM_ENV.WECOM_TOKEN, outer.TimeStamp, outer.Nonce, outer.Encrypt) !== outer.MsgSignature) throw new Error('passive reply signature mismatch')
  const { message, id } = decrypt(WECOM_ENV.WECOM_ENCODING_AES_KEY, outer.Encrypt)
  if (id !== WECOM_ENV.WECOM_CORP_ID) throw new Error(`passive reply sealed for ${id}`)
  return parser.parse(message).xml
}

export interface WecomSent {
  api: 'message/send' | 'appchat/send'
  to: string
  body: any
}

/**
 * A local stand-in for qyapi.weixin.qq.com: gettoken, message/send and appchat/send. Like WeCom, a message/send
 * with enable_duplicate_check repeating a JSON body seen within its interval is accepted but delivers nothing.
 * Tokens can be expired and failures queued to test refresh and retries.
 */
export async function startFakeWecom() {
  const delivered: WecomSent[] = []
  /** Files uploaded through media/upload, by media_id; a `file` message names one of these. */
  const uploads: { mediaId: string; fileName: string; bytes: Uint8Array }[] = []
  const seen = new Set<string>()
  const taskIds = new Set<string>()
  const failures: { status: number; errcode: number }[] = []
  let tokenSerial = 0
  let validToken: string | null = null
  let tokenCalls = 0
  let sendCalls = 0
  const app = new Hono()
  app.get('/cgi-bin/gettoken', (c) => {
    tokenCalls++
    if (c.req.query('corpid') !== WECOM_ENV.WECOM_CORP_ID || c.req.query('corpsecret') !== WECOM_ENV.WECOM_SECRET) return c.json({ errcode: 40001, errmsg: 'invalid credential' })
    validToken ??= `tok-${++tokenSerial}`
    return c.json({ errcode: 0, errmsg: 'ok', access_token: validToken, expires_in: 7200 })
  })
  const send = (api: WecomSent['api'], toField: 'touser' | 'chatid') => async (c: any) => {
    sendCalls++
    const token = c.req.query('access_token')
    if (token !== validToken) return c.json({ errcode: token?.startsWith('tok-') ? 42001 : 40014, errmsg: 'access_token expired or invalid' })
    const failure = failures.shift()
    if (failure) return c.json({ errcode: failure.errcode, errmsg: 'injected failure' }, failure.status)
    const raw = await c.req.text()
    const body = JSON.parse(raw)
    if (body.enable_duplicate_check === 1 && seen.has(raw)) return c.json({ errcode: 0, errmsg: 'ok', invaliduser: '' })
    seen.add(raw)
    // Like WeCom: a task_id is accepted once per app (42014 after that), and a card's send answers a response_code.
    const taskId: string | undefined = body.template_card?.task_id
    if (taskId !== undefined) {
      if (taskIds.has(taskId)) return c.json({ errcode: 42014, errmsg: 'taskid has existed or empty or exceed max len' })
      taskIds.add(taskId)
    }
    delivered.push({ api, to: body[toField], body })
    return c.json({ errcode: 0, errmsg: 'ok', invaliduser: '', ...(taskId ? { response_code: `rc-${taskId}` } : {}) })
  }
  app.post('/cgi-bin/message/send', send('message/send', 'touser'))
  app.post('/cgi-bin/media/upload', async (c) => {
    if (c.req.query('access_token') !== validToken) return c.json({ errcode: 42001, errmsg: 'access_token expired' })
    if (c.req.query('type') !== 'file') return c.json({ errcode: 40004, errmsg: 'invalid media type' })
    const media = (await c.req.formData()).get('media')
    if (!(media instanceof File)) return c.json({ errcode: 41001, errmsg: 'media data missing' })
    const mediaId = `media-${uploads.length + 1}`
    uploads.push({ mediaId, fileName: media.name, bytes: new Uint8Array(await media.arrayBuffer()) })
    return c.json({ errcode: 0, errmsg: 'ok', type: 'file', media_id: mediaId, created_at: String(Math.floor(Date.now() / 1000)) })
  })
  app.post('/cgi-bin/appchat/send', send('appchat/send', 'chatid'))
  /** Files members sent to the app, by MediaId, served by media/get like WeCom. */
  const media = new Map<string, Uint8Array>()
  const mediaGets: string[] = []
  app.get('/cgi-bin/media/get', (c) => {
    if (c.req.query('access_token') !== validToken) return c.json({ errcode: 42001, errmsg: 'access_token expired' })
    const mediaId = c.req.query('media_id') ?? ''
    mediaGets.push(mediaId)
    const bytes = media.get(mediaId)
    if (!bytes) return c.json({ errcode: 40007, errmsg: 'invalid media_id' })
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/octet-stream' })
  })
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await once(server, 'listening')
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    delivered,
    uploads,
    serveMedia: (mediaId: string, bytes: Uint8Array) => media.set(mediaId, bytes),
    mediaGets,
    tokenCalls: () => tokenCalls,
    sendCalls: () => sendCalls,
    /** The current token stops working, as when WeCom expires it early; the next gettoken issues a new one. */
    expireToken: () => {
      validToken = null
    },
    failNext: (...list: { status: number; errcode: number }[]) => failures.push(...list),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The text a member reads in a delivered message: its text, or a template card's title, text and rows. */
export function shownText(m: WecomSent): string {
  if (m.body.msgtype === 'template_card') {
    const card = m.body.template_card
    const rows = (card.horizontal_content_list ?? []).map((r: { keyname: string; value: string }) => `${r.keyname}：${r.value}`)
    return [card.main_title?.title, card.sub_title_text, ...rows].filter(Boolean).join('\n')
  }
  return m.body.text.content
}
