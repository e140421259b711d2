import { count } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import * as lark from '@larksuiteoapi/node-sdk'
import { outbox, processedEvents } from '../db/schema'
import { demoFeishuOpenId, seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { receiveFeishu } from '../src/platforms/feishu/receive'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { FEISHU_ENV, feishuEncrypt, feishuRequest, messageEvent } from './support/feishu'

const t = useTestDatabase()
const NOW = new Date('2026-11-23T00:03:00Z')

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock(NOW))
})

function post(init: RequestInit, env: Record<string, string> = {}) {
  const { app } = testApp(t.database, { now: NOW.toISOString(), env: { ...FEISHU_ENV, ...env } })
  return app.request('/webhooks/feishu/events', init)
}

async function writes() {
  const [events] = await t.database.db.select({ n: count() }).from(processedEvents)
  const [queued] = await t.database.db.select({ n: count() }).from(outbox)
  return events!.n + queued!.n
}

describe('Feishu encryption as documented', () => {
  test('the documented vector decrypts with the SDK cipher the route uses', () => {
    expect(new lark.AESCipher('test key').decrypt('P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=')).toBe('hello world')
  })
})

describe('POST /webhooks/feishu/events: URL verification', () => {
  test('an encrypted challenge is answered with the challenge', async () => {
    const response = await post(feishuRequest({ challenge: 'ajls384kdjx98XX', token: FEISHU_ENV.FEISHU_VERIFICATION_TOKEN, type: 'url_verification' }, { now: NOW }))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ challenge: 'ajls384kdjx98XX' })
  })

  test('without an encrypt key nothing unsigned is acted on: the server does not start, and the receiver refuses', () => {
    expect(() => testApp(t.database, { env: { ...FEISHU_ENV, FEISHU_ENCRYPT_KEY: '' } })).toThrow('FEISHU_ENCRYPT_KEY must be set whenever Feishu is configured')
    // The reproduction: a plain-JSON 批准 2 as the approver's open_id, carrying only the verification token.
    const { config } = testApp(t.database, { env: FEISHU_ENV })
    const rawBody = JSON.stringify(messageEvent({ openId: demoFeishuOpenId('zhaoyuanzhang'), text: '批准 2' }))
    const received = receiveFeishu({ rawBody, headers: {}, config: { ...config.feishu, encryptKey: undefined }, now: NOW })
    expect(received).toEqual({ kind: 'rejected', reason: 'FEISHU_ENCRYPT_KEY is not set: unsigned requests are not accepted' })
  })

  test('a challenge with the wrong token is refused', async () => {
    const response = await post(feishuRequest({ challenge: 'x', token: 'wrong', type: 'url_verification' }, { now: NOW }))
    expect(response.status).toBe(401)
  })
})

describe('POST /webhooks/feishu/events: any failed check → 401 and nothing written', () => {
  const event = () => messageEvent({ openId: demoFeishuOpenId('zhangwei'), text: '签到' })

  test.each([
    ['a bad signature', () => feishuRequest(event(), { now: NOW, tamper: (h) => (h['x-lark-signature'] = 'a'.repeat(64)) })],
    ['no signature headers', () => feishuRequest(event(), { now: NOW, tamper: (h) => delete h['x-lark-signature'] })],
    ['a timestamp six minutes old', () => feishuRequest(event(), { now: new Date(NOW.getTime() - 6 * 60_000) })],
    ['a timestamp six minutes ahead', () => feishuRequest(event(), { now: new Date(NOW.getTime() + 6 * 60_000) })],
    ['a body signed with another key', () => feishuRequest(event(), { now: NOW, key: 'another-key' })],
    ['the wrong verification token', () => feishuRequest(messageEvent({ openId: demoFeishuOpenId('zhangwei'), text: '签到', token: 'forged' }), { now: NOW })],
    [
      'a body changed after signing (whitespace only)',
      () => {
        const init = feishuRequest(event(), { now: NOW })
        return { ...init, body: `${init.body} ` }
      },
    ],
  ])('%s', async (_case, build) => {
    const before = await writes()
    const response = await post(build())
    expect(response.status).toBe(401)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized')
    expect(await writes()).toBe(before)
  })

  test('the signature is checked on the raw bytes: a valid request with unusual whitespace is accepted', async () => {
    const rawBody = `{ "encrypt" :  "${feishuEncrypt(JSON.stringify(event()))}" }`
    const response = await post(feishuRequest(null, { now: NOW, rawBody }))
    expect(response.status).toBe(200)
  })

  test('malformed JSON, correctly signed → 400', async () => {
    const response = await post(feishuRequest(null, { now: NOW, rawBody: '{"encrypt": ' }))
    expect(response.status).toBe(400)
  })

  test('an unknown event type → 200 and ignored', async () => {
    const before = await writes()
    const payload = { ...event(), header: { ...event().header, event_type: 'contact.user.created_v3' } }
    const response = await post(feishuRequest(payload, { now: NOW }))
    expect(response.status).toBe(200)
    expect(await writes()).toBe(before)
  })
})
