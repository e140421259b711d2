import { FileMessage } from '../../domain/file-message'
import { readDownload } from '../download'
import type { OutboundSender, SendResult } from '../outbound'
import { slidingWindowLimiter } from '../rate-limit'
import { renderFeishuReply } from './render'

const TOKEN_REFRESH_MARGIN_MS = 60_000
// Feishu allows 5 messages a second into one chat (and to one user); pace rather than be refused.
const PER_CHAT = [{ ms: 1_000, max: 5 }]
/** How long one API call may take unless configured shorter; the outbox lease (30 s) is sized for this. */
export const REQUEST_TIMEOUT_MS = 5_000
// Feishu answers these codes when the tenant token expired or was revoked: fetch a new one and try once more.
const TOKEN_INVALID_CODES = new Set([99991661, 99991663, 99991668])
// Rate limited (per app or per chat): try again later.
const RATE_LIMIT_CODES = new Set([99991400, 230020])

interface FeishuAnswer {
  code: number
  msg?: string
  tenant_access_token?: string
  data?: { file_key?: string }
  expire?: number
}

/**
 * Sends outbox messages through the IM API with plain fetch (so it also runs on Workers). The outbox id goes out
 * as `uuid`, which makes Feishu drop a second send of the same message.
 */
export function feishuSender(
  config: { appId: string; appSecret: string; baseUrl: string; requestTimeoutMs?: number },
  fetchImpl: typeof fetch = fetch,
  now: () => number = Date.now,
): OutboundSender {
  let token: { value: string; expiresAt: number } | null = null
  const limiter = slidingWindowLimiter(PER_CHAT)
  const timeoutMs = config.requestTimeoutMs ?? REQUEST_TIMEOUT_MS

  async function call(path: string, init: RequestInit): Promise<{ status: number; body: FeishuAnswer | null; retryAfterMs?: number }> {
    const response = await fetchImpl(`${config.baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) })
    const body = (await response.json().catch(() => null)) as FeishuAnswer | null
    const retryAfter = Number(response.headers.get('x-ogw-ratelimit-reset') ?? response.headers.get('retry-after'))
    return { status: response.status, body, retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined }
  }

  async function tenantToken(now: number, force: boolean): Promise<string> {
    if (!force && token && token.expiresAt > now) return token.value
    const { body } = await call('/open-apis/auth/v3/tenant_access_token/internal', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ app_id: config.appId, app_secret: config.appSecret }),
    })
    if (!body || body.code !== 0 || !body.tenant_access_token) throw new Error(`tenant_access_token failed: ${body?.code} ${body?.msg ?? ''}`)
    token = { value: body.tenant_access_token, expiresAt: now + (body.expire ?? 0) * 1000 - TOKEN_REFRESH_MARGIN_MS }
    return token.value
  }

  async function sendOnce(recipient: string, message: { reply: Parameters<typeof renderFeishuReply>[0] }, uuid: string, force: boolean) {
    const file = FileMessage.safeParse(message)
    if (file.success) return sendFile(recipient, file.data.file, uuid, force)
    const [idType, receiveId] = splitRecipient(recipient)
    const { msgType, content } = renderFeishuReply(message.reply)
    const bearer = await tenantToken(Date.now(), force)
    return call(`/open-apis/im/v1/messages?receive_id_type=${idType}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ receive_id: receiveId, msg_type: msgType, content, uuid }),
    })
  }

  /**
   * A file message: upload (im/v1/files) for a file_key, then send it. A retry uploads again, but the message keeps
   * the outbox id as `uuid`, so Feishu still delivers it once.
   */
  async function sendFile(recipient: string, file: FileMessage['file'], uuid: string, force: boolean) {
    const [idType, receiveId] = splitRecipient(recipient)
    const bearer = await tenantToken(Date.now(), force)
    const form = new FormData()
    form.set('file_type', feishuFileType(file.name))
    form.set('file_name', file.name)
    form.set('file', new Blob([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))]), file.name)
    const uploaded = await call('/open-apis/im/v1/files', { method: 'POST', headers: { authorization: `Bearer ${bearer}` }, body: form })
    const fileKey = uploaded.body?.data?.file_key
    if (uploaded.status !== 200 || uploaded.body?.code !== 0 || !fileKey) return uploaded
    return call(`/open-apis/im/v1/messages?receive_id_type=${idType}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ receive_id: receiveId, msg_type: 'file', content: JSON.stringify({ file_key: fileKey }), uuid }),
    })
  }

  return {
    /** A file message's file: GET im/v1/messages/:message_id/resources/:file_key?type=file. */
    async fetchFile(file, maxBytes) {
      if (!file.messageId) throw new Error('a Feishu file is downloaded by its message id')
      const path = `/open-apis/im/v1/messages/${encodeURIComponent(file.messageId)}/resources/${encodeURIComponent(file.key)}?type=file`
      const get = async (force: boolean) => fetchImpl(`${config.baseUrl}${path}`, { headers: { authorization: `Bearer ${await tenantToken(Date.now(), force)}` }, signal: AbortSignal.timeout(timeoutMs) })
      let response = await get(false)
      if (response.status !== 200 && (response.headers.get('content-type') ?? '').includes('json')) {
        const body = (await response.clone().json().catch(() => null)) as FeishuAnswer | null
        if (body && TOKEN_INVALID_CODES.has(body.code)) response = await get(true)
      }
      return readDownload(response, maxBytes, 'Feishu file download')
    },
    async send({ recipient, message, id }): Promise<SendResult> {
      const waitMs = limiter.take(recipient, now())
      if (waitMs > 0) return { ok: false, retryable: true, error: `pacing ${recipient}: next send in ${waitMs} ms`, retryAfterMs: waitMs }
      try {
        let answer = await sendOnce(recipient, message as never, id, false)
        if (answer.body && TOKEN_INVALID_CODES.has(answer.body.code)) answer = await sendOnce(recipient, message as never, id, true)
        if (answer.status === 200 && answer.body?.code === 0) return { ok: true }
        const code = answer.body?.code
        const error = `HTTP ${answer.status}, code ${code ?? '-'}: ${answer.body?.msg ?? ''}`.trim()
        const retryable = answer.status >= 500 || answer.status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code))
        return { ok: false, retryable, error, retryAfterMs: answer.retryAfterMs }
      } catch (error) {
        return { ok: false, retryable: true, error: (error as Error).message }
      }
    },
  }
}

function splitRecipient(recipient: string): [string, string] {
  const at = recipient.indexOf(':')
  if (at < 0) return ['open_id', recipient]
  return [recipient.slice(0, at), recipient.slice(at + 1)]
}

/** Feishu's upload wants one of its file types; spreadsheets of any Excel format are `xls`. */
function feishuFileType(name: string): string {
  const ext = name.toLowerCase().split('.').pop() ?? ''
  if (ext === 'xls' || ext === 'xlsx' || ext === 'csv') return 'xls'
  if (ext === 'doc' || ext === 'docx') return 'doc'
  if (ext === 'ppt' || ext === 'pptx') return 'ppt'
  if (ext === 'pdf') return 'pdf'
  return 'stream'
}
