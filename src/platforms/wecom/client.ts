import { z } from 'zod'
import { readDownload } from '../download'
import { FileMessage } from '../../domain/file-message'
import { Reply } from '../../domain/reply'
import type { OutboundSender, SendResult } from '../outbound'
import type { RateWindow } from '../rate-limit'
import { renderWecomReply } from './render'

const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000
const REQUEST_TIMEOUT_MS = 5_000
// 40014 invalid and 42001 expired access_token; 40001 (invalid credential) too: a fresh gettoken fixes it or fails.
const TOKEN_INVALID_CODES = new Set([40014, 42001, 40001])
// -1 system busy, 45009 API call limit, 45033 too many concurrent calls: all pass with time. 60020 (this server's
// IP is not among the app's trusted IPs) passes once an operator adds it, and the messages should then still go.
const RETRYABLE_CODES = new Set([-1, 45009, 45033, 60020])
// 42014: a template card's task_id was used before. task_id is the outbox row's id, so this answers a resend of a
// card whose first send went through but was not marked (a timeout, a crash): the card is already with the member.
const TASK_ID_USED = 42014
/**
 * WeCom drops a message/send whose JSON equals one sent within this many seconds. It outlasts any retry of a send
 * whose outcome was unknown (a timeout, a crash before the row was marked: the lease is 30 s), so the member never
 * reads a reply twice; it is short so that the same answer to the same question later is shown again.
 */
export const DUPLICATE_CHECK_SECONDS = 600
/**
 * WeCom silently drops what exceeds these, so duikou waits instead (the outbox counts what it sent, see
 * silentLimits). message/send: 30 per member per minute and 1000 per hour (document 90236); appchat/send: 200 per
 * member per minute and 10000 per day (document 90248).
 */
export const RATE_LIMITS: Record<'user' | 'chat', RateWindow[]> = {
  user: [
    { ms: 60_000, max: 30 },
    { ms: 3_600_000, max: 1_000 },
  ],
  chat: [
    { ms: 60_000, max: 200 },
    { ms: 86_400_000, max: 10_000 },
  ],
}

const Answer = z.looseObject({
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
  access_token: z.string().optional(),
  expires_in: z.number().optional(),
  invaliduser: z.string().optional(),
  media_id: z.string().optional(),
})
type Answer = z.infer<typeof Answer>

const Outgoing = z.object({ reply: Reply })
const Recipient = z.string().regex(/^(user|chat):.+$/)

export interface WecomSenderConfig {
  corpId: string
  secret: string
  agentId: string
  baseUrl: string
}

/**
 * Sends outbox messages through WeCom's server API with plain fetch (so it also runs on Workers): `user:<userid>`
 * through message/send as the app, `chat:<chatid>` through appchat/send to a group chat the app created.
 */
export function wecomSender(config: WecomSenderConfig, fetchImpl: typeof fetch = fetch, options: { now?: () => number } = {}): OutboundSender {
  // parseConfig has checked that WECOM_AGENT_ID is digits; WeCom wants it as a JSON number.
  const agentId = Number(config.agentId)
  const now = options.now ?? Date.now
  let token: { value: string; expiresAt: number } | null = null
  let fetching: Promise<string> | null = null

  async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: Answer | null }> {
    const response = await fetchImpl(`${config.baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
    const body = Answer.safeParse(await response.json().catch(() => null))
    return { status: response.status, body: body.success ? body.data : null }
  }

  async function fetchToken(): Promise<string> {
    const query = new URLSearchParams({ corpid: config.corpId, corpsecret: config.secret })
    const { status, body } = await call(`/cgi-bin/gettoken?${query}`)
    if (!body || body.errcode !== 0 || !body.access_token) throw new Error(`gettoken failed: HTTP ${status}, errcode ${body?.errcode ?? '-'} ${body?.errmsg ?? ''}`.trim())
    token = { value: body.access_token, expiresAt: now() + (body.expires_in ?? 0) * 1000 - TOKEN_REFRESH_MARGIN_MS }
    return token.value
  }

  // Concurrent sends share one gettoken call.
  function accessToken(): Promise<string> {
    if (token && token.expiresAt > now()) return Promise.resolve(token.value)
    fetching ??= fetchToken().finally(() => {
      fetching = null
    })
    return fetching
  }

  async function sendOnce(kind: 'user' | 'chat', to: string, reply: Reply, taskId: string) {
    const bearer = await accessToken()
    // Template cards go through message/send only; the outbox id names the card for its click callbacks.
    const content = renderWecomReply(reply, kind === 'user' ? { taskId } : {})
    const [path, body] =
      kind === 'user'
        ? ['/cgi-bin/message/send', { touser: to, agentid: agentId, ...content, enable_duplicate_check: 1, duplicate_check_interval: DUPLICATE_CHECK_SECONDS }]
        : ['/cgi-bin/appchat/send', { chatid: to, ...content, safe: 0 }]
    const answer = await call(`${path}?access_token=${encodeURIComponent(bearer)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
    })
    return { ...answer, bearer }
  }

  /** media/upload for a media_id (valid three days), then a `file` message; one token refresh on an invalid token. */
  async function sendFile(recipient: string, file: FileMessage['file']): Promise<SendResult> {
    const kind = recipient.startsWith('user:') ? 'user' : 'chat'
    const to = recipient.slice(kind.length + 1)
    const attempt = async () => {
      const bearer = await accessToken()
      const form = new FormData()
      form.set('media', new Blob([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))]), file.name)
      const uploaded = await call(`/cgi-bin/media/upload?access_token=${encodeURIComponent(bearer)}&type=file`, { method: 'POST', body: form })
      if (uploaded.body?.errcode !== 0 || !uploaded.body.media_id) return { ...uploaded, bearer }
      const content = { msgtype: 'file', file: { media_id: uploaded.body.media_id } }
      const [path, body] =
        kind === 'user'
          ? ['/cgi-bin/message/send', { touser: to, agentid: agentId, ...content, enable_duplicate_check: 1, duplicate_check_interval: DUPLICATE_CHECK_SECONDS }]
          : ['/cgi-bin/appchat/send', { chatid: to, ...content, safe: 0 }]
      const sent = await call(`${path}?access_token=${encodeURIComponent(bearer)}`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) })
      return { ...sent, bearer }
    }
    try {
      let answer = await attempt()
      if (answer.body?.errcode !== undefined && TOKEN_INVALID_CODES.has(answer.body.errcode)) {
        if (token?.value === answer.bearer) token = null
        answer = await attempt()
      }
      const { status, body } = answer
      if (status === 200 && body?.errcode === 0 && !body.invaliduser) return { ok: true }
      const code = body?.errcode
      const retryable = status >= 500 || status === 429 || (code !== undefined && RETRYABLE_CODES.has(code))
      return { ok: false, retryable, error: `file to ${recipient}: HTTP ${status}, errcode ${code ?? '-'}: ${body?.errmsg ?? ''}`.trim() }
    } catch (error) {
      return { ok: false, retryable: true, error: (error as Error).message }
    }
  }

  return {
    /** A file message's file: media/get by its MediaId. */
    async fetchFile(file, maxBytes) {
      const get = async () => {
        const bearer = await accessToken()
        const response = await fetchImpl(`${config.baseUrl}/cgi-bin/media/get?access_token=${encodeURIComponent(bearer)}&media_id=${encodeURIComponent(file.key)}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
        return { response, bearer }
      }
      let { response, bearer } = await get()
      if ((response.headers.get('content-type') ?? '').includes('json')) {
        const body = Answer.safeParse(await response.clone().json().catch(() => null))
        if (body.success && body.data.errcode !== undefined && TOKEN_INVALID_CODES.has(body.data.errcode)) {
          if (token?.value === bearer) token = null
          ;({ response } = await get())
        }
      }
      return readDownload(response, maxBytes, 'WeCom media/get')
    },
    silentLimits: (recipient) => (recipient.startsWith('user:') ? RATE_LIMITS.user : recipient.startsWith('chat:') ? RATE_LIMITS.chat : undefined),
    async send({ id, recipient, message }): Promise<SendResult> {
      const fileMessage = FileMessage.safeParse(message)
      if (fileMessage.success && Recipient.safeParse(recipient).success) return sendFile(recipient, fileMessage.data.file)
      const outgoing = Outgoing.safeParse(message)
      if (!outgoing.success || !Recipient.safeParse(recipient).success) return { ok: false, retryable: false, error: `not a WeCom reply to user:/chat: (${recipient})` }
      const kind = recipient.startsWith('user:') ? 'user' : 'chat'
      const to = recipient.slice(kind.length + 1)
      try {
        let answer = await sendOnce(kind, to, outgoing.data.reply, id)
        if (answer.body?.errcode !== undefined && TOKEN_INVALID_CODES.has(answer.body.errcode)) {
          if (token?.value === answer.bearer) token = null
          answer = await sendOnce(kind, to, outgoing.data.reply, id)
        }
        const { status, body } = answer
        if (status === 200 && body?.errcode === 0 && !body.invaliduser) return { ok: true }
        if (status === 200 && body?.errcode === TASK_ID_USED) return { ok: true }
        const code = body?.errcode
        const error = `HTTP ${status}, errcode ${code ?? '-'}: ${body?.errmsg ?? ''}${body?.invaliduser ? ` invaliduser ${body.invaliduser}` : ''}`.trim()
        const retryable = status >= 500 || status === 429 || (code !== undefined && RETRYABLE_CODES.has(code))
        return { ok: false, retryable, error }
      } catch (error) {
        return { ok: false, retryable: true, error: (error as Error).message }
      }
    },
  }
}
