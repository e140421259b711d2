import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { storeInbound } from '../db/repositories/inbox'
import { enqueue, GAVE_UP_AT } from '../db/repositories/outbox'
import { inbox, outbox } from '../db/schema'
import { runQueues } from '../src/cli/queues'
import { DEMO_TENANT, demoFeishuOpenId, seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { deliverDue } from '../src/jobs/deliver-outbox'
import { handleInbox } from '../src/jobs/handle-inbox'
import { sendersFor } from '../src/platforms/senders'
import { parseConfig } from '../src/config'
import { useTestDatabase } from './support/database'
import { FEISHU_ENV, shownText, startFakeFeishu } from './support/feishu'

const t = useTestDatabase()
const clock = fixedClock('2026-11-24T02:00:00Z')
let feishu: Awaited<ReturnType<typeof startFakeFeishu>>
let parkedIn = ''
let parkedOut = ''
const chat = `chat_id:oc_p2p_${demoFeishuOpenId('wangfang')}`

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
  feishu = await startFakeFeishu()
  const receivedAt = new Date('2026-11-24T01:00:00Z')
  const message = { platform: 'feishu' as const, tenantId: DEMO_TENANT, eventId: 'message:om_parked', senderExternalId: demoFeishuOpenId('wangfang'), text: '我的', replyTo: chat }
  await storeInbound(t.database.db, [{ tenantId: DEMO_TENANT, platform: 'feishu', eventId: message.eventId, sender: `${DEMO_TENANT}:wangfang`, message, receivedAt }])
  await enqueue(t.database.db, { tenantId: DEMO_TENANT, platform: 'feishu', recipient: chat, message: { reply: { tone: 'info', text: '请假单 #3 已批准。' } }, idempotencyKey: 'test:parked-notice' }, receivedAt)
  const [i] = await t.database.db.update(inbox).set({ nextAttemptAt: GAVE_UP_AT, attempts: 12, lastError: 'deadlock detected' }).returning()
  const [o] = await t.database.db.update(outbox).set({ nextAttemptAt: GAVE_UP_AT, attempts: 12, lastError: 'HTTP 400, code 230013: bot has no availability to this user' }).where(eq(outbox.idempotencyKey, 'test:parked-notice')).returning()
  parkedIn = i!.id
  parkedOut = o!.id
})
afterAll(() => feishu.close())

describe('npm run cli -- queues', () => {
  test('lists the backlog and each parked message with its last error', async () => {
    const { code, output } = await runQueues(t.database.db, clock.now(), [])
    expect(code).toBe(0)
    const lines = output.split('\n')
    expect(lines.slice(0, 3)).toEqual(['inbox:  waiting 0, parked 1', 'outbox: waiting 0, parked 1', 'parked:'])
    expect(lines[3]).toBe(`  inbox  ${parkedIn}  feishu  demo:wangfang  12 attempts  2026-11-24 09:00  deadlock detected`)
    expect(lines[4]).toBe(`  outbox ${parkedOut}  feishu  ${chat}  12 attempts  2026-11-24 09:00  HTTP 400, code 230013: bot has no availability to this user`)
  })

  test('a usage error names what to fix and changes nothing', async () => {
    for (const args of [['frobnicate'], ['retry'], ['retry', 'mailbox', '--all'], ['retry', 'inbox'], ['retry', 'inbox', '--all', parkedIn], ['retry', 'inbox', 'not-an-id']]) {
      const { code, output } = await runQueues(t.database.db, clock.now(), args)
      expect(code, args.join(' ')).toBe(2)
      expect(output).toMatch(/^duikou: /)
    }
    expect((await runQueues(t.database.db, clock.now(), [])).output).toContain('parked 1')
  })

  test('retry puts parked messages back: the notice is delivered and the message handled, each once', async () => {
    expect((await runQueues(t.database.db, clock.now(), ['retry', 'outbox', '--all'])).output).toBe('outbox: 1 parked message queued again')
    expect((await runQueues(t.database.db, clock.now(), ['retry', 'inbox', parkedIn])).output).toBe('inbox: 1 parked message queued again')
    expect((await runQueues(t.database.db, clock.now(), ['retry', 'inbox', parkedIn])).output).toBe('inbox: 0 parked messages queued again')

    const deps = { db: t.database.db, clock, senders: sendersFor(parseConfig({ ...FEISHU_ENV, FEISHU_BASE_URL: feishu.url })) }
    expect(await handleInbox(deps)).toMatchObject({ handled: 1, failed: 0 })
    await deliverDue(deps)
    const shown = feishu.delivered.filter((m) => `chat_id:${m.receiveId}` === chat).map(shownText)
    expect(shown[0]).toBe('请假单 #3 已批准。')
    expect(shown.slice(1).join('\n')).toContain('当前派驻')
    expect(shown).toHaveLength(2)
    expect((await runQueues(t.database.db, clock.now(), [])).output.split('\n').slice(0, 3)).toEqual(['inbox:  waiting 0, parked 0', 'outbox: waiting 0, parked 0', 'nothing parked'])
  })
})
