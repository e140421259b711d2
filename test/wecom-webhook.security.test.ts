import { count, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { outbox, processedEvents, tenantAccounts } from '../db/schema'
import { DEMO_TENANT, seedDemo } from '../src/demo/seed'
import { fixedClock, systemClock } from '../src/domain/clock'
import { handleInbox } from '../src/jobs/handle-inbox'
import { wecomEventId } from '../src/platforms/wecom/receive'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { eventXml, SAMPLE_ENV, seal, textXml, WECOM_ENV, WECOM_SAMPLE, wecomPost } from './support/wecom'

const t = useTestDatabase()
const NOW = new Date('2026-11-23T00:03:00Z')

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock(NOW))
  // The sample corp answers for the demo tenant, so the official POST sample reaches handleMessage.
  await t.database.db.insert(tenantAccounts).values({ platform: 'wecom', externalKey: WECOM_SAMPLE.corpId, tenantId: DEMO_TENANT })
})

function app(options: { now?: Date | string; env?: Record<string, string> } = {}) {
  return testApp(t.database, { now: new Date(options.now ?? NOW).toISOString(), env: { ...WECOM_ENV, ...options.env } }).app
}

async function writes() {
  const [events] = await t.database.db.select({ n: count() }).from(processedEvents)
  const [queued] = await t.database.db.select({ n: count() }).from(outbox)
  return events!.n + queued!.n
}

const hello = () => textXml({ userId: 'zhangwei', text: '签到', at: NOW }).xml
const sampleTime = (timestamp: string) => new Date(Number(timestamp) * 1000)

describe('GET /webhooks/wecom: URL verification', () => {
  const { verify } = WECOM_SAMPLE
  const query = (overrides: Record<string, string> = {}) =>
    `/webhooks/wecom?${new URLSearchParams({ msg_signature: verify.msgSignature, timestamp: verify.timestamp, nonce: verify.nonce, echostr: verify.echostr, ...overrides })}`

  test("the official sample, at the sample's time, answers the plaintext alone as text/plain", async () => {
    const response = await app({ now: sampleTime(verify.timestamp), env: SAMPLE_ENV }).request(query())
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(Buffer.from(bytes).toString('utf8')).toBe(verify.plaintext)
    expect(bytes.length).toBe(verify.plaintext.length)
  })

  test("an echostr whose '+' arrived unescaped still verifies", async () => {
    const raw = `/webhooks/wecom?msg_signature=${verify.msgSignature}&timestamp=${verify.timestamp}&nonce=${verify.nonce}&echostr=${verify.echostr}`
    const response = await app({ now: sampleTime(verify.timestamp), env: SAMPLE_ENV }).request(raw)
    expect(await response.text()).toBe(verify.plaintext)
  })

  test('our own round trip: a fresh echostr sealed for our corp', async () => {
    const { encrypted, query: signed } = seal('4242424242', { now: NOW })
    const response = await app().request(`/webhooks/wecom?${new URLSearchParams({ ...signed, echostr: encrypted })}`)
    expect(await response.text()).toBe('4242424242')
  })

  test.each([
    ['the sample today (its timestamp is years old)', () => app({ env: SAMPLE_ENV }).request(query())],
    ['a bad signature', () => app({ now: sampleTime(verify.timestamp), env: SAMPLE_ENV }).request(query({ msg_signature: 'a'.repeat(40) }))],
    ['another nonce than was signed', () => app({ now: sampleTime(verify.timestamp), env: SAMPLE_ENV }).request(query({ nonce: '1' }))],
    ['no signature', () => app({ now: sampleTime(verify.timestamp), env: SAMPLE_ENV }).request(`/webhooks/wecom?timestamp=${verify.timestamp}&nonce=1&echostr=x`)],
    ['the sample, configured for another corp id', () => app({ now: sampleTime(verify.timestamp), env: { ...SAMPLE_ENV, WECOM_CORP_ID: 'ww_someone_else' } }).request(query())],
    ['callbacks not configured', () => app({ now: sampleTime(verify.timestamp), env: { WECOM_TOKEN: '', WECOM_ENCODING_AES_KEY: '', WECOM_CORP_ID: '' } }).request(query())],
  ])('%s → 401', async (_case, send) => {
    const response = await send()
    expect(response.status).toBe(401)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized')
  })
})

describe('POST /webhooks/wecom: the official sample message', () => {
  const { message } = WECOM_SAMPLE
  const url = `/webhooks/wecom?msg_signature=${message.msgSignature}&timestamp=${message.timestamp}&nonce=${message.nonce}`

  test("at the sample's time it is accepted, and its 64-bit MsgId is kept exactly", async () => {
    const response = await app({ now: sampleTime(message.timestamp), env: SAMPLE_ENV }).request(url, { method: 'POST', body: message.body })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
    await handleInbox({ db: t.database.db, clock: systemClock })
    const [claimed] = await t.database.db.select().from(processedEvents).where(eq(processedEvents.eventId, `msg:${message.msgId}`))
    expect(claimed?.platform).toBe('wecom')
    // "mycreate" is nobody in the demo: the answer asks them to get registered, addressed to them.
    const [reply] = await t.database.db.select().from(outbox).where(eq(outbox.idempotencyKey, `reply:wecom:msg:${message.msgId}`))
    expect(reply?.recipient).toBe('user:mycreate')
  })

  test('today it is refused as stale, and nothing is written', async () => {
    const before = await writes()
    const response = await app({ env: SAMPLE_ENV }).request(url, { method: 'POST', body: message.body })
    expect(response.status).toBe(401)
    expect(await writes()).toBe(before)
  })
})

describe('POST /webhooks/wecom: any failed check → 401 and nothing written', () => {
  test.each([
    ['a bad signature', 'signature mismatch', () => wecomPost(hello(), { now: NOW, tamper: (q) => (q.msg_signature = 'b'.repeat(40)) })],
    ['no msg_signature', 'missing msg_signature', () => wecomPost(hello(), { now: NOW, tamper: (q) => delete q.msg_signature })],
    ['a timestamp changed after signing', 'signature mismatch', () => wecomPost(hello(), { now: NOW, tamper: (q) => (q.timestamp = String(Number(q.timestamp) + 1)) })],
    ['a timestamp six minutes old', '5 minutes off', () => wecomPost(hello(), { now: new Date(NOW.getTime() - 6 * 60_000) })],
    ['a timestamp six minutes ahead', '5 minutes off', () => wecomPost(hello(), { now: new Date(NOW.getTime() + 6 * 60_000) })],
    ['signed with another token', 'signature mismatch', () => wecomPost(hello(), { now: NOW, token: 'someoneElsesToken' })],
    // Another key decrypts to noise: either the padding breaks or the receive id is garbage.
    ['encrypted with another EncodingAESKey', /decrypt|another corp id/, () => wecomPost(hello(), { now: NOW, aesKey: SAMPLE_ENV.WECOM_ENCODING_AES_KEY })],
    ['sealed for another corp id', 'another corp id', () => wecomPost(hello(), { now: NOW, corpId: 'ww_someone_else' })],
  ])('%s', async (_case, reason, build) => {
    const before = await writes()
    const response = await app().request(...build())
    expect(response.status).toBe(401)
    const { error } = (await response.json()) as { error: { code: string; message: string } }
    expect(error.code).toBe('unauthorized')
    expect(error.message).toMatch(reason)
    expect(await writes()).toBe(before)
  })
})

describe('POST /webhooks/wecom: malformed → 400, and what is not a command → 200 with nothing written', () => {
  test.each([
    ['a body that is not XML', () => wecomPost(hello(), { now: NOW, rawBody: '{"Encrypt": "x"}' })],
    ['XML without <Encrypt>', () => wecomPost(hello(), { now: NOW, rawBody: '<xml><ToUserName>ww</ToUserName></xml>' })],
    ['a signed ciphertext that is not XML', () => wecomPost('签到', { now: NOW })],
    ['signed XML that is cut off', () => wecomPost(hello().slice(0, -10), { now: NOW })],
    ['a text message without MsgId', () => wecomPost(hello().replace(/<MsgId>\d+<\/MsgId>/, ''), { now: NOW })],
    // Well-formed XML that the parser still refuses; the outer body is read before any signature is checked.
    ['a body naming an external entity', () => wecomPost(hello(), { now: NOW, rawBody: '<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Encrypt>&x;</Encrypt></xml>' })],
    ['a body nested deeper than the parser goes', () => wecomPost(hello(), { now: NOW, rawBody: `<xml>${'<a>'.repeat(8_000)}${'</a>'.repeat(8_000)}<Encrypt>x</Encrypt></xml>` })],
    ['a signed ciphertext naming an external entity', () => wecomPost('<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><MsgType>&x;</MsgType></xml>', { now: NOW })],
  ])('%s → 400', async (_case, build) => {
    const before = await writes()
    const response = await app().request(...build())
    expect(response.status).toBe(400)
    expect(await writes()).toBe(before)
  })

  test('a body over 64 KiB (a callback is a few KiB) → 413 before any parsing, nothing written', async () => {
    const before = await writes()
    const response = await app().request(...wecomPost(hello(), { now: NOW, rawBody: `<xml><Encrypt>${'A'.repeat(65 * 1024)}</Encrypt></xml>` }))
    expect(response.status).toBe(413)
    expect(await writes()).toBe(before)
  })

  test.each([
    ['an enter_agent event', () => eventXml({ userId: 'zhangwei', event: 'enter_agent', at: NOW })],
    ['an unknown event', () => eventXml({ userId: 'zhangwei', event: 'something_new', eventKey: 'k', at: NOW })],
    ['an image message', () => hello().replace('<![CDATA[text]]>', '<![CDATA[image]]>')],
  ])('%s → 200', async (_case, xml) => {
    const before = await writes()
    const response = await app().request(...wecomPost(xml(), { now: NOW }))
    expect(response.status).toBe(200)
    expect(await writes()).toBe(before)
  })

  test('a corp that is registered nowhere and no default tenant → 200, nothing written', async () => {
    const before = await writes()
    const env = { WECOM_CORP_ID: 'ww_unregistered' }
    const response = await app({ env }).request(...wecomPost(hello(), { now: NOW, corpId: 'ww_unregistered' }))
    expect(response.status).toBe(200)
    expect(await writes()).toBe(before)
  })

  test('an unregistered corp is answered for WECOM_DEFAULT_TENANT when that is set', async () => {
    const { xml, msgId } = textXml({ userId: 'zhangwei', text: '帮助', at: NOW })
    const env = { WECOM_CORP_ID: 'ww_unregistered', WECOM_DEFAULT_TENANT: DEMO_TENANT }
    const response = await app({ env }).request(...wecomPost(xml, { now: NOW, corpId: 'ww_unregistered' }))
    expect(response.status).toBe(200)
    await handleInbox({ db: t.database.db, clock: systemClock })
    const [reply] = await t.database.db.select().from(outbox).where(eq(outbox.idempotencyKey, `reply:wecom:msg:${msgId}`))
    expect(reply).toMatchObject({ tenantId: DEMO_TENANT, recipient: 'user:zhangwei' })
  })
})

test('events are named by sender, time, type and key, since they carry no id', () => {
  const event = { FromUserName: 'zhangwei', CreateTime: '1795392180', Event: 'click' }
  expect(wecomEventId(event)).toBe('event:zhangwei:1795392180:click')
  expect(wecomEventId({ ...event, EventKey: 'menu_checkin' })).toBe('event:zhangwei:1795392180:click:menu_checkin')
})
