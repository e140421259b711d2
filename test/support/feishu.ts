import { createCipheriv, createHash, randomBytes, randomUUID } from 'node:crypto'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

export const FEISHU_ENV = {
  FEISHU_APP_ID: 'cli_test_app',
  FEISHU_APP_SECRET: 'test-app-secret',
  FEISHU_ENCRYPT_KEY: 'test-encrypt-key-0123456789',
  FEISHU_VERIFICATION_TOKEN: 'test-verification-token',
}

/** Encrypts like Feishu: AES-256-CBC, key = SHA-256(encrypt key), a random IV sent before the ciphertext, base64. */
export function feishuEncrypt(plaintext: string, key = FEISHU_ENV.FEISHU_ENCRYPT_KEY): string {
  const iv = randomBytes(16)
  const cipher = createCipheriv('aes-256-cbc', createHash('sha256').update(key).digest(), iv)
  return Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64')
}

/** The request Feishu would send: `{ encrypt }` body, signed over the exact bytes sent. */
export function feishuRequest(
  payload: unknown,
  options: { now?: Date; key?: string; rawBody?: string; tamper?: (headers: Record<string, string>) => void } = {},
): RequestInit {
  const key = options.key ?? FEISHU_ENV.FEISHU_ENCRYPT_KEY
  const body = options.rawBody ?? JSON.stringify({ encrypt: feishuEncrypt(JSON.stringify(payload), key) })
  const timestamp = String(Math.floor((options.now ?? new Date()).getTime() / 1000))
  const nonce = randomUUID()
  const signature = createHash('sha256').update(timestamp + nonce + key + body).digest('hex')
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-lark-request-timestamp': timestamp,
    'x-lark-request-nonce': nonce,
    'x-lark-signature': signature,
  }
  options.tamper?.(headers)
  return { method: 'POST', headers, body }
}

export function messageEvent(input: {
  openId: string
  text: string
  messageId?: string
  eventId?: string
  chatType?: 'p2p' | 'group'
  mentions?: { key: string; open_id: string }[]
  tenantKey?: string
  token?: string
}) {
  return {
    schema: '2.0',
    header: {
      event_id: input.eventId ?? randomUUID(),
      event_type: 'im.message.receive_v1',
      create_time: '1700000000000',
      token: input.token ?? FEISHU_ENV.FEISHU_VERIFICATION_TOKEN,
      app_id: FEISHU_ENV.FEISHU_APP_ID,
      tenant_key: input.tenantKey ?? 'demo-feishu-tenant',
    },
    event: {
      sender: { sender_id: { open_id: input.openId, union_id: `on_${input.openId}` }, sender_type: 'user', tenant_key: 'demo-feishu-tenant' },
      message: {
        message_id: input.messageId ?? `om_${randomUUID().replaceAll('-', '')}`,
        create_time: '1700000000000',
        chat_id: input.chatType === 'group' ? 'oc_group_demo' : `oc_p2p_${input.openId}`,
        chat_type: input.chatType ?? 'p2p',
        message_type: 'text',
        content: JSON.stringify({ text: input.text }),
        mentions: input.mentions?.map((m) => ({ key: m.key, id: { open_id: m.open_id }, name: 'duikou' })),
      },
    },
  }
}

/** A file message as Feishu sends it: the content names the file_key and file_name, not the size. */
export function fileEvent(input: { openId: string; fileKey: string; fileName: string; messageId?: string }) {
  const event = messageEvent({ openId: input.openId, text: '', messageId: input.messageId })
  event.event.message.message_type = 'file'
  event.event.message.content = JSON.stringify({ file_key: input.fileKey, file_name: input.fileName })
  return event
}

/** A location message as Feishu sends it: coordinates as strings. */
export function locationEvent(input: { openId: string; latitude: number; longitude: number; name?: string }) {
  const event = messageEvent({ openId: input.openId, text: '' })
  event.event.message.message_type = 'location'
  event.event.message.content = JSON.stringify({ name: input.name ?? '示范县', latitude: String(input.latitude), longitude: String(input.longitude) })
  return event
}

export interface SentMessage {
  receiveIdType: string
  receiveId: string
  msgType: string
  content: any
  uuid: string
}

/**
 * A platform that misbehaves at random, per message-create call: `failRate` of them answer an error and deliver
 * nothing (half HTTP 500, half Feishu's rate-limit code 99991400 with HTTP 429); `lateRate` deliver but answer only
 * after `lateMs` (longer than the sender waits, so it sees a timeout for a message that was shown).
 */
export interface FeishuChaos {
  /** Numbers in [0, 1), e.g. a seeded generator, so a run can be repeated. */
  random: () => number
  failRate: number
  lateRate: number
  lateMs: number
}

/**
 * A local stand-in for Feishu's open platform: a tenant token endpoint and message create. Like Feishu, a second
 * send with the same `uuid` is accepted but delivers nothing new. Failures can be queued to test retries, or
 * drawn at random with `chaos`. `onDelivered` hears of each message as it is first shown, e.g. to time a reply.
 */
export async function startFakeFeishu(options: { chaos?: FeishuChaos; extend?: (app: Hono) => void; onDelivered?: (m: SentMessage) => void } = {}) {
  const delivered: SentMessage[] = []
  /** Sends of a `uuid` already delivered, which Feishu accepts and does not show again. */
  const repeated: SentMessage[] = []
  const seen = new Set<string>()
  const failures: { status: number; code: number }[] = []
  const receivedAt: number[] = []
  const answeredAt: number[] = []
  let delayMs = 0
  let calls = 0
  let tokenCalls = 0
  let chaos = options.chaos ?? null
  const chaosCounts = { failed: 0, late: 0 }
  const app = new Hono()
  /** Files uploaded through im/v1/files, by the file_key they got; a `file` message names one of these keys. */
  const uploads: { fileKey: string; fileType: string; fileName: string; bytes: Uint8Array }[] = []
  app.post('/open-apis/im/v1/files', async (c) => {
    if (c.req.header('authorization') !== 'Bearer t-fake') return c.json({ code: 99991663, msg: 'invalid token' }, 400)
    const form = await c.req.formData()
    const file = form.get('file')
    if (!(file instanceof File)) return c.json({ code: 234001, msg: 'file is required' }, 400)
    const fileKey = `file_v3_${uploads.length + 1}`
    uploads.push({ fileKey, fileType: String(form.get('file_type')), fileName: String(form.get('file_name')), bytes: new Uint8Array(await file.arrayBuffer()) })
    return c.json({ code: 0, msg: 'success', data: { file_key: fileKey } })
  })
  app.post('/open-apis/auth/v3/tenant_access_token/internal', (c) => {
    tokenCalls++
    return c.json({ code: 0, msg: 'ok', tenant_access_token: 't-fake', expire: 7200 })
  })
  app.post('/open-apis/im/v1/messages', async (c) => {
    calls++
    receivedAt.push(performance.now())
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs))
    if (c.req.header('authorization') !== 'Bearer t-fake') return c.json({ code: 99991663, msg: 'invalid token' }, 400)
    const failure = failures.shift()
    if (failure) return c.json({ code: failure.code, msg: 'injected failure' }, failure.status as 500)
    const draw = chaos?.random() ?? 1
    const lateMs = chaos && draw >= chaos.failRate && draw < chaos.failRate + chaos.lateRate ? chaos.lateMs : 0
    if (chaos && draw < chaos.failRate) {
      chaosCounts.failed++
      return draw < chaos.failRate / 2
        ? c.json({ code: 1, msg: 'chaos: internal error' }, 500)
        : c.json({ code: 99991400, msg: 'chaos: request trigger frequency limit' }, 429)
    }
    const body = await c.req.json()
    const message: SentMessage = {
      receiveIdType: c.req.query('receive_id_type')!,
      receiveId: body.receive_id,
      msgType: body.msg_type,
      content: JSON.parse(body.content),
      uuid: body.uuid,
    }
    if (seen.has(body.uuid)) repeated.push(message)
    else {
      seen.add(body.uuid)
      delivered.push(message)
      options.onDelivered?.(message)
    }
    if (lateMs) {
      chaosCounts.late++
      await new Promise((resolve) => setTimeout(resolve, lateMs))
    }
    answeredAt.push(performance.now())
    return c.json({ code: 0, msg: 'success', data: { message_id: `om_sent_${body.uuid}` } })
  })
  /** Files people sent in chat, served by message resource download: `${messageId}/${fileKey}` → bytes. */
  const resources = new Map<string, Uint8Array>()
  const downloads: string[] = []
  app.get('/open-apis/im/v1/messages/:messageId/resources/:fileKey', (c) => {
    if (c.req.header('authorization') !== 'Bearer t-fake') return c.json({ code: 99991663, msg: 'invalid token' }, 400)
    const key = `${c.req.param('messageId')}/${c.req.param('fileKey')}`
    downloads.push(key)
    const bytes = resources.get(key)
    if (!bytes || c.req.query('type') !== 'file') return c.json({ code: 234003, msg: 'file not found' }, 400)
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/octet-stream' })
  })
  options.extend?.(app)
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await once(server, 'listening')
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    delivered,
    repeated,
    uploads,
    /** Makes a file sent in chat downloadable, as Feishu keeps it for the message that carried it. */
    serveResource: (messageId: string, fileKey: string, bytes: Uint8Array) => resources.set(`${messageId}/${fileKey}`, bytes),
    downloads,
    server,
    calls: () => calls,
    tokenCalls: () => tokenCalls,
    /** performance.now() of each message-create call and of its successful answer, to show what happened after what. */
    receivedAt,
    answeredAt,
    /** Makes every message-create answer this much later, like a slow platform. */
    slowDown: (ms: number) => {
      delayMs = ms
    },
    failNext: (...list: { status: number; code: number }[]) => failures.push(...list),
    /** Starts or ends random failures (`null`: healthy from now on). */
    setChaos: (next: FeishuChaos | null) => {
      chaos = next
    },
    /** How many message-create calls chaos failed, and answered late. */
    chaosCounts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The text a delivered message shows a user, whether it went out as text or as a card. */
export function shownText(m: SentMessage): string {
  return m.msgType === 'text' ? m.content.text : m.content.body.elements.map((e: { content: string }) => e.content).join('\n')
}

/** A `card.action.trigger` callback (card JSON 2.0) as Feishu posts it when someone clicks or submits. */
export function cardActionEvent(input: { openId: string; value: unknown; formValue?: Record<string, unknown>; eventId?: string }) {
  return {
    schema: '2.0',
    header: {
      event_id: input.eventId ?? randomUUID(),
      event_type: 'card.action.trigger',
      create_time: '1700000000000000',
      token: FEISHU_ENV.FEISHU_VERIFICATION_TOKEN,
      app_id: FEISHU_ENV.FEISHU_APP_ID,
      tenant_key: 'demo-feishu-tenant',
    },
    event: {
      operator: { tenant_key: 'demo-feishu-tenant', open_id: input.openId, union_id: `on_${input.openId}` },
      token: 'c-update-token',
      action: { value: input.value, tag: 'button', ...(input.formValue ? { form_value: input.formValue, name: 'submit' } : {}) },
      host: 'im_message',
      context: { open_message_id: 'om_card', open_chat_id: 'oc_chat' },
    },
  }
}

/** Buttons and form of a delivered card, in the shape duikou renders them. */
export function cardParts(m: SentMessage) {
  const elements = m.content.body.elements as any[]
  const buttons = elements.filter((e) => e.tag === 'button').map((b) => ({ label: b.text.content, value: b.behaviors[0].value }))
  const form = elements.find((e) => e.tag === 'form')
  return {
    buttons,
    form: form && {
      fields: form.elements.filter((e: any) => e.tag !== 'button').map((e: any) => ({ tag: e.tag, name: e.name })),
      submit: form.elements.find((e: any) => e.tag === 'button').behaviors[0].value,
    },
  }
}
