import { like } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { outbox } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { nudgeCheckIn } from '../src/usecases/reminders/nudge-check-in'
import { greetingAt } from '../src/usecases/reminders/greeting'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

beforeAll(async () => {
  // Without chat accounts the notice waits for the person, keyed by their id.
  await seedDemo(t.database.db, fixedClock('2026-11-20T00:00:00Z'), { chatAccounts: false })
})

describe('the check-in nudge greets by the hour it is sent', () => {
  test('a nudge caught up at 15:12 (Beijing) says 下午好, not 早上好', async () => {
    const { db } = t.database
    // 2026-11-24 is a Tuesday, an ordinary workday.
    const result = await nudgeCheckIn({ db, clock: fixedClock('2026-11-24T07:12:00Z') }, { tenantId: 'demo', day: '2026-11-24' })
    expect(result.nudged).toBeGreaterThan(0)
    // 王芳 is nudged too (the demo's Henan successor): the test reads 刘洋's.
    const rows = await db.select().from(outbox).where(like(outbox.idempotencyKey, 'nudge:%'))
    const text = rows.map((r) => (r.message as { reply: { text: string } }).reply.text).find((t) => t.startsWith('刘洋'))
    expect(text).toBe('刘洋医生，下午好，今天（11-24）还没有签到。到岗后请发送“签到”；如今天请假，请发送“请假 11-24 事由”。')
  })

  test.each([
    ['2026-11-24T01:31:00Z', '早上好'],
    ['2026-11-24T04:00:00Z', '中午好'],
    ['2026-11-24T07:12:00Z', '下午好'],
    ['2026-11-24T12:30:00Z', '您好'],
  ])('%s → %s', (at, expected) => expect(greetingAt(new Date(at))).toBe(expected))
})
