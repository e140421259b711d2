import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { enqueue } from '../db/repositories/outbox'
import { outbox } from '../db/schema'
import { ConfigError, parseConfig } from '../src/config'
import { DEMO_TENANT, seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { deliverDue } from '../src/jobs/deliver-outbox'
import { sendersFor } from '../src/platforms/senders'
import { RATE_LIMITS, wecomSender } from '../src/platforms/wecom/client'
import { slidingWindowLimiter } from '../src/platforms/rate-limit'
import { useTestDatabase } from './support/database'
import { shownText, startFakeWecom, WECOM_ENV } from './support/wecom'

const t = useTestDatabase()
let wecom: Awaited<ReturnType<typeof startFakeWecom>>

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
  wecom = await startFakeWecom()
})
afterAll(() => wecom.close())

function sender(now: () => number = Date.now) {
  const { WECOM_CORP_ID: corpId, WECOM_SECRET: secret, WECOM_AGENT_ID: agentId } = WECOM_ENV
  return wecomSender({ corpId, secret, agentId, baseUrl: wecom.url }, fetch, { now })
}
const reply = (text: string) => ({ reply: { tone: 'info' as const, text } })

describe('sliding-window limiter', () => {
  test('the 31st send to a member within a minute waits until the first leaves the window', () => {
    const limiter = slidingWindowLimiter(RATE_LIMITS.user)
    for (let i = 0; i < 30; i++) expect(limiter.take('user:a', 1_000 + i * 100)).toBe(0)
    expect(limiter.take('user:a', 5_000)).toBe(1_000 + 60_000 - 5_000)
    expect(limiter.take('user:b', 5_000)).toBe(0)
    expect(limiter.take('user:a', 61_000)).toBe(0)
  })

  test('the hourly limit holds even when every minute is under its own', () => {
    const limiter = slidingWindowLimiter(RATE_LIMITS.user)
    let at = 0
    // 1000 sends at 25 a minute fill 40 minutes; the next waits for the hour of the first.
    for (let i = 0; i < 1_000; i++, at += 2_400) expect(limiter.take('user:a', at)).toBe(0)
    expect(limiter.take('user:a', at)).toBe(3_600_000 - at)
  })
})

describe('wecomSender', () => {
  test('concurrent sends share one gettoken, and the token is fetched again only near its expiry', async () => {
    let now = Date.parse('2026-11-23T00:00:00Z')
    const send = sender(() => now)
    const before = wecom.tokenCalls()
    const results = await Promise.all(['a', 'b', 'c'].map((u) => send.send({ id: randomUUID(), recipient: `user:${u}`, message: reply(`hello ${u}`) })))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(wecom.tokenCalls() - before).toBe(1)
    now += 7_200_000 - 4 * 60_000
    await send.send({ id: randomUUID(), recipient: 'user:a', message: reply('later') })
    expect(wecom.tokenCalls() - before).toBe(2)
  })

  test('a resend of the same row is the same JSON, so WeCom drops the second', async () => {
    const send = sender()
    const row = { id: randomUUID(), recipient: 'user:resend', message: reply('once only') }
    expect(await send.send(row)).toEqual({ ok: true })
    expect(await send.send(row)).toEqual({ ok: true })
    expect(wecom.delivered.filter((m) => m.to === 'resend').map(shownText)).toEqual(['once only'])
  })

  test.each([
    ['an unknown recipient kind', 'open_id:ou_x', reply('x')],
    ['a message that is not a Reply', 'user:a', { text: 'no tone' }],
  ])('%s is refused without retry', async (_case, recipient, message) => {
    expect(await sender().send({ id: randomUUID(), recipient, message })).toMatchObject({ ok: false, retryable: false })
  })
})

test('through the outbox: 31 replies to one member in a minute → 30 now, the 31st deferred, none dropped', async () => {
  const clock = fixedClock('2026-11-23T02:00:00Z')
  const senders = { wecom: sender(() => clock.now().getTime()) }
  for (let i = 1; i <= 31; i++) {
    await enqueue(t.database.db, { tenantId: DEMO_TENANT, platform: 'wecom', recipient: 'user:busy', message: reply(`notice ${i}`), idempotencyKey: `test:busy:${i}` }, clock.now())
  }
  const deliver = () => deliverDue({ db: t.database.db, clock, senders })
  expect(await deliver()).toEqual({ sent: 20, failed: 0 })
  expect(await deliver()).toEqual({ sent: 10, failed: 1 })
  clock.advance(30_000)
  expect(await deliver()).toEqual({ sent: 0, failed: 0 })
  clock.advance(30_000)
  expect(await deliver()).toEqual({ sent: 1, failed: 0 })
  const shown = wecom.delivered.filter((m) => m.to === 'busy').map(shownText)
  expect(shown).toEqual(Array.from({ length: 31 }, (_, i) => `notice ${i + 1}`))
})

test('two servers (or Worker isolates) delivering to one member together keep to 30 a minute: the outbox counts what was sent', async () => {
  const clock = fixedClock('2026-11-23T03:00:00Z')
  const servers = [{ wecom: sender(() => clock.now().getTime()) }, { wecom: sender(() => clock.now().getTime()) }]
  for (let i = 1; i <= 40; i++) {
    await enqueue(t.database.db, { tenantId: DEMO_TENANT, platform: 'wecom', recipient: 'user:shared', message: reply(`shared ${i}`), idempotencyKey: `test:shared:${i}` }, clock.now())
  }
  const shown = () => wecom.delivered.filter((m) => m.to === 'shared').map(shownText)
  for (let round = 0; round < 3; round++) for (const senders of servers) await deliverDue({ db: t.database.db, clock, senders })
  expect(shown()).toHaveLength(30)
  clock.advance(60_000)
  for (const senders of servers) await deliverDue({ db: t.database.db, clock, senders })
  expect(shown()).toEqual(Array.from({ length: 40 }, (_, i) => `shared ${i + 1}`))
  // Waiting for the window is not a failed attempt: no message came near being given up.
  const rows = await t.database.db.select().from(outbox).where(eq(outbox.recipient, 'user:shared'))
  expect(Math.max(...rows.map((r) => r.attempts))).toBe(1)
})

describe('configuration', () => {
  test('the WeCom sender is registered when corp id, secret and agent id are set', () => {
    expect(sendersFor(parseConfig(WECOM_ENV)).wecom).toBeDefined()
    expect(sendersFor(parseConfig({ ...WECOM_ENV, WECOM_SECRET: '' })).wecom).toBeUndefined()
  })

  test('an AgentId that is not a number stops the configuration, naming the variable', () => {
    expect(() => parseConfig({ ...WECOM_ENV, WECOM_AGENT_ID: 'agent-1' })).toThrow(ConfigError)
    expect(() => parseConfig({ ...WECOM_ENV, WECOM_AGENT_ID: 'agent-1' })).toThrow('WECOM_AGENT_ID')
  })
})
